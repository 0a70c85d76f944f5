// A disclosure's tab-separated lines as a Word document: consecutive lines with several cells become one Word
// table (as wide as its widest line), other lines paragraphs. Used by the DOCX benchmark and the DOCX round-trip
// test, so that both read the same document.
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';

export async function linesAsDocx(lines: readonly string[][]): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  let block: string[][] = [];
  const flush = () => {
    if (block.length === 0) return;
    const width = Math.max(...block.map((r) => r.length));
    const rows = block.map(
      (cells) =>
        new TableRow({
          children: Array.from(
            { length: width },
            (_, i) => new TableCell({ children: [new Paragraph(cells[i] ?? '')] }),
          ),
        }),
    );
    children.push(new Table({ rows }));
    block = [];
  };
  for (const cells of lines) {
    if (cells.length >= 2) {
      block.push(cells);
      continue;
    }
    flush();
    if (cells[0].trim() !== '') children.push(new Paragraph(cells[0]));
  }
  flush();
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}
