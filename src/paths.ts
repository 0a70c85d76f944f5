// Locations of files that ship with yusuan, found relative to this module (works from src/ and dist/).
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

/** The repository (package) root. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The bundled sample document (a complete Shanxi unit budget). */
export function bundledSamplePath(): string {
  return join(packageRoot, 'samples', 'xinzhou-govoffice-2023-unit-budget.txt');
}

/** ../shared beside the repository, where the corpus and catalogs live (tests and benchmarks only). */
export const sharedRoot = resolve(packageRoot, '..', 'shared');
