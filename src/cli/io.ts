// Shared command-line plumbing: output destinations, messages and progress bars (on a terminal only).
import { writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type CliProgress from 'cli-progress';

// The bar's library (and its terminal-width helpers) loads only when a bar is shown: a single `yusuan parse`
// or a run without a terminal does not pay for it.
const require = createRequire(import.meta.url);

/** A mistake in the command's arguments: reported as one Chinese line, exit code 2. */
export class UsageError extends Error {}

/** Writes to a file (creating its folder) or to standard output. */
export async function emit(output: string | undefined, content: string | Uint8Array): Promise<void> {
  if (!output || output === '-') {
    process.stdout.write(content);
    return;
  }
  await mkdir(dirname(output), { recursive: true });
  await writeFile(output, content);
}

/** One-line message on standard error. */
export function warn(message: string): void {
  process.stderr.write(message + '\n');
}

/** A progress bar on standard error when it is a terminal and there is more than one step; silent otherwise. */
export function progress(
  total: number,
  label: string,
  enabled = true,
): { tick: (name?: string) => void; stop: () => void } {
  if (!enabled || total < 2 || !process.stderr.isTTY) return { tick: () => {}, stop: () => {} };
  const cliProgress = require('cli-progress') as typeof CliProgress;
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} {name}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { name: '' });
  return { tick: (name) => bar.increment(1, { name: name ?? '' }), stop: () => bar.stop() };
}
