// What the web application asks of the repository. One implementation (store-repository.ts) maps it onto the
// store (src/store); pages and the API depend only on this, so the store may grow without touching them.
import type { z } from 'zod';
import type { Finding } from '../audit/index.js';
import type { Disclosure } from '../model/schema.js';
import type { DocumentSummary, UnitSummary } from './schemas.js';

export type UnitInfo = z.infer<typeof UnitSummary>;
export type DocumentInfo = z.infer<typeof DocumentSummary>;

export interface StoredDocument extends DocumentInfo {
  disclosure: Disclosure;
  findings: Finding[];
}

export interface DocumentFilter {
  unit?: string;
  year?: number;
  kind?: string;
  region?: string;
  limit?: number;
}

export interface Counts {
  documents: number;
  units: number;
  byYear: { year: number; count: number }[];
  byRegion: { region: string; count: number }[];
}

/** A parsed document to keep, with the original files it was read from. */
export interface NewDocument {
  disclosure: Disclosure;
  files: readonly { name: string; bytes: Uint8Array }[];
  parseMs?: number;
}

export interface Repository {
  counts(): Promise<Counts>;
  /** Units whose name contains `query` (all units when empty). */
  searchUnits(query: string, limit?: number): Promise<UnitInfo[]>;
  unit(id: string): Promise<UnitInfo | undefined>;
  /** Newest first. */
  documents(filter: DocumentFilter): Promise<DocumentInfo[]>;
  document(id: string): Promise<StoredDocument | undefined>;
  /** The original file as uploaded (the first part of a document published in several files). */
  original(id: string): Promise<{ name: string; bytes: Uint8Array } | undefined>;
  /** Stores a parsed document (audited with its prior year from the repository); returns its id. */
  put(doc: NewDocument): Promise<string>;
  /** Records a file that could not be read, with the reason. */
  recordFailure(file: { name: string; bytes: Uint8Array; reason: string; code: string }): Promise<void>;
  close(): Promise<void>;
}
