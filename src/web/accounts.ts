// Accounts and permissions: who may do what. The storage of users, sessions and reviews is behind this
// interface (accounts-db.ts keeps them in the repository's database).
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, createHash } from 'node:crypto';
import { promisify } from 'node:util';
import type { z } from 'zod';
import type { ReviewStatus } from './schemas.js';

export type Role = 'admin' | 'reviewer' | 'preparer';
export const ROLES: readonly Role[] = ['admin', 'reviewer', 'preparer'];

export interface SessionUser {
  id: number;
  login: string;
  name: string;
  role: Role;
  /** Unit ids a preparer prepares documents for. */
  units: string[];
}

export type ReviewState = z.infer<typeof ReviewStatus>;

export interface ReviewComment {
  author: string;
  text: string;
  at: string;
  status?: ReviewState;
}

export interface FindingReview {
  status: ReviewState;
  comments: ReviewComment[];
}

export interface NewUser {
  login: string;
  name: string;
  role: Role;
  password: string;
  units?: string[];
}

export interface Accounts {
  /** The user whose password matches, or undefined (the same time is spent either way). */
  authenticate(login: string, password: string): Promise<SessionUser | undefined>;
  /** A new session: the cookie token (stored only as a hash) and its CSRF token. */
  startSession(userId: number): Promise<{ token: string; csrf: string; expires: Date }>;
  session(token: string): Promise<{ user: SessionUser; csrf: string } | undefined>;
  endSession(token: string): Promise<void>;
  createUser(user: NewUser): Promise<SessionUser>;
  users(): Promise<SessionUser[]>;
  setUnits(userId: number, units: string[]): Promise<void>;
  countUsers(): Promise<number>;
  /** Reviews of a document's findings, by findingKey(). */
  reviews(documentId: string): Promise<Map<string, FindingReview>>;
  addReview(documentId: string, finding: string, comment: ReviewComment): Promise<void>;
}

const scrypt = promisify(scryptCallback) as (
  pw: string,
  salt: Buffer,
  len: number,
  opts: object,
) => Promise<Buffer>;
// N=2^15, r=8: about 32 MiB and tens of milliseconds per check; slow for a guesser, fine for a login.
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** "scrypt$N$r$p$salt$hash", all parameters kept so they can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return timingSafeEqual(actual, expected);
}

/** A hash computed when the login is unknown, so that unknown and known logins take the same time. */
export const DUMMY_HASH =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export const newToken = () => randomBytes(32).toString('base64url');
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** May this user edit the draft of this unit? */
export function canEditUnit(user: SessionUser | null | undefined, unitId: string): boolean {
  if (!user) return false;
  if (user.role === 'admin') return true;
  return user.role === 'preparer' && user.units.includes(unitId);
}

export const canReview = (user: SessionUser | null | undefined) =>
  user?.role === 'reviewer' || user?.role === 'admin';

/** Storing uploaded documents in the repository is the finance bureau's work (reviewers and administrators). */
export const canStore = canReview;
