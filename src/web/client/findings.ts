// Clicking a finding scrolls to its cell or sentence and marks it; the list item is marked too. Without script
// the links still jump to the place (#f3).

let marked: Element | null = null;
let active: Element | null = null;

export function focusTarget(id: string, item?: Element | null): boolean {
  const target = document.getElementById(id);
  if (!target) return false;
  marked?.classList.remove('focus');
  active?.classList.remove('active');
  // A folded result must open before its cell can be shown.
  const folded = target.closest('details');
  if (folded && !folded.open) folded.open = true;
  target.classList.add('focus');
  target.scrollIntoView({ block: 'center', behavior: 'smooth' });
  marked = target;
  if (item) {
    item.classList.add('active');
    active = item;
  }
  return true;
}

export function bindFindings(): void {
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a.goto');
    if (!link) return;
    const id = link.getAttribute('data-target');
    if (!id) return;
    if (focusTarget(id, link.closest('li'))) {
      event.preventDefault();
      history.replaceState(null, '', `#${id}`);
    }
  });
  const hash = decodeURIComponent(location.hash.slice(1));
  if (/^(r\d+-)?f\d+$/.test(hash)) focusTarget(hash, null);
}
