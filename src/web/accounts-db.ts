// Users, sessions and reviewers' comments in the repository's own database (SQLite or PostgreSQL), beside the
// store's tables, with migrations of their own (table web_migration) so the two evolve independently.
import {
  Kysely,
  Migrator,
  sql,
  type ColumnDefinitionBuilder,
  type Generated,
  type Migration,
  type MigrationProvider,
} from 'kysely';
import {
  DUMMY_HASH,
  hashPassword,
  newToken,
  tokenHash,
  verifyPassword,
  type Accounts,
  type FindingReview,
  type NewUser,
  type ReviewComment,
  type Role,
  type SessionUser,
} from './accounts.js';
import type { GenerateInputRaw } from '../generate/input-schema.js';

export interface WebDatabase {
  web_users: {
    id: Generated<number>;
    login: string;
    name: string;
    role: string;
    password: string;
    created_at: string;
  };
  web_user_units: { user_id: number; unit_id: string };
  web_sessions: { token_hash: string; user_id: number; csrf: string; expires_at: string };
  web_drafts: {
    unit_id: string;
    year: number;
    /** The generator's leaf input (GenerateInput) as JSON. */
    input: string;
    updated_at: string;
    updated_by: string;
  };
  web_reviews: {
    id: Generated<number>;
    document_id: string;
    /** findingKey(): the finding's identity, stable when the rules' catalogue or the list's order changes. */
    finding: string;
    author: string;
    text: string;
    status: string | null;
    created_at: string;
  };
}

/** Sessions last a working week; signing in again is cheap, a stolen cookie should not live forever. */
export const SESSION_DAYS = 7;

function migrations(postgres: boolean): Record<string, Migration> {
  const id = (c: ColumnDefinitionBuilder) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement());
  return {
    '0001_accounts': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('web_users')
          .addColumn('id', postgres ? 'serial' : 'integer', id)
          .addColumn('login', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('password', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('web_user_units')
          .addColumn('user_id', 'integer', (c) => c.notNull().references('web_users.id').onDelete('cascade'))
          .addColumn('unit_id', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('web_user_units_pk', ['user_id', 'unit_id'])
          .execute();
        await db.schema
          .createTable('web_sessions')
          .addColumn('token_hash', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'integer', (c) => c.notNull().references('web_users.id').onDelete('cascade'))
          .addColumn('csrf', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('web_reviews')
          .addColumn('id', postgres ? 'serial' : 'integer', id)
          .addColumn('document_id', 'text', (c) => c.notNull())
          .addColumn('finding', 'text', (c) => c.notNull())
          .addColumn('author', 'text', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('status', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('web_reviews_document').on('web_reviews').column('document_id').execute();
      },
    },
    '0002_drafts': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('web_drafts')
          .addColumn('unit_id', 'text', (c) => c.notNull())
          .addColumn('year', 'integer', (c) => c.notNull())
          .addColumn('input', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('updated_by', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('web_drafts_pk', ['unit_id', 'year'])
          .execute();
      },
    },
  };
}

export interface Draft {
  unitId: string;
  year: number;
  input: GenerateInputRaw;
  updatedAt: string;
  updatedBy: string;
}

/** Preparers' drafts: the leaf input of one unit and year, from which the whole document is generated. */
export class Drafts {
  constructor(private readonly db: Kysely<WebDatabase>) {}

  async list(unitId: string): Promise<Draft[]> {
    const rows = await this.db
      .selectFrom('web_drafts')
      .selectAll()
      .where('unit_id', '=', unitId)
      .orderBy('year', 'desc')
      .execute();
    return rows.map(toDraft);
  }

  async get(unitId: string, year: number): Promise<Draft | undefined> {
    const row = await this.db
      .selectFrom('web_drafts')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('year', '=', year)
      .executeTakeFirst();
    return row ? toDraft(row) : undefined;
  }

  async save(unitId: string, year: number, input: GenerateInputRaw, by: string): Promise<void> {
    const values = {
      unit_id: unitId,
      year,
      input: JSON.stringify(input),
      updated_at: new Date().toISOString(),
      updated_by: by,
    };
    await this.db
      .insertInto('web_drafts')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['unit_id', 'year']).doUpdateSet({
          input: values.input,
          updated_at: values.updated_at,
          updated_by: values.updated_by,
        }),
      )
      .execute();
  }
}

function toDraft(r: WebDatabase['web_drafts']): Draft {
  return {
    unitId: r.unit_id,
    year: Number(r.year),
    input: JSON.parse(r.input) as GenerateInputRaw,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

export async function openDrafts(db: Kysely<unknown>): Promise<Drafts> {
  return new Drafts(db as unknown as Kysely<WebDatabase>);
}

export async function openAccounts(db: Kysely<unknown>, postgres: boolean): Promise<Accounts> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(postgres) };
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'web_migration',
    migrationLockTableName: 'web_migration_lock',
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  return new DbAccounts(db as unknown as Kysely<WebDatabase>);
}

class DbAccounts implements Accounts {
  constructor(private readonly db: Kysely<WebDatabase>) {}

  private async unitsOf(userId: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('web_user_units')
      .select('unit_id')
      .where('user_id', '=', userId)
      .orderBy('unit_id')
      .execute();
    return rows.map((r) => r.unit_id);
  }

  private async toUser(row: { id: number; login: string; name: string; role: string }): Promise<SessionUser> {
    return {
      id: row.id,
      login: row.login,
      name: row.name,
      role: row.role as Role,
      units: await this.unitsOf(row.id),
    };
  }

  async authenticate(login: string, password: string): Promise<SessionUser | undefined> {
    const row = await this.db
      .selectFrom('web_users')
      .selectAll()
      .where('login', '=', login)
      .executeTakeFirst();
    const ok = await verifyPassword(password, row?.password ?? DUMMY_HASH);
    return row && ok ? this.toUser(row) : undefined;
  }

  async startSession(userId: number) {
    const token = newToken();
    const csrf = newToken();
    const expires = new Date(Date.now() + SESSION_DAYS * 86_400_000);
    await this.db.deleteFrom('web_sessions').where('expires_at', '<', new Date().toISOString()).execute();
    await this.db
      .insertInto('web_sessions')
      .values({ token_hash: tokenHash(token), user_id: userId, csrf, expires_at: expires.toISOString() })
      .execute();
    return { token, csrf, expires };
  }

  async session(token: string) {
    const row = await this.db
      .selectFrom('web_sessions')
      .innerJoin('web_users', 'web_users.id', 'web_sessions.user_id')
      .select([
        'web_users.id',
        'web_users.login',
        'web_users.name',
        'web_users.role',
        'web_sessions.csrf',
        'web_sessions.expires_at',
      ])
      .where('web_sessions.token_hash', '=', tokenHash(token))
      .executeTakeFirst();
    if (!row || row.expires_at < new Date().toISOString()) return undefined;
    return { user: await this.toUser(row), csrf: row.csrf };
  }

  async endSession(token: string) {
    await this.db.deleteFrom('web_sessions').where('token_hash', '=', tokenHash(token)).execute();
  }

  async createUser(user: NewUser): Promise<SessionUser> {
    const row = await this.db
      .insertInto('web_users')
      .values({
        login: user.login,
        name: user.name,
        role: user.role,
        password: await hashPassword(user.password),
        created_at: new Date().toISOString(),
      })
      .returning(['id', 'login', 'name', 'role'])
      .executeTakeFirstOrThrow();
    if (user.units?.length) await this.setUnits(row.id, user.units);
    return this.toUser(row);
  }

  async users(): Promise<SessionUser[]> {
    const rows = await this.db
      .selectFrom('web_users')
      .select(['id', 'login', 'name', 'role'])
      .orderBy('id')
      .execute();
    return Promise.all(rows.map((r) => this.toUser(r)));
  }

  async setUnits(userId: number, units: string[]) {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('web_user_units').where('user_id', '=', userId).execute();
      const unique = [...new Set(units)];
      if (unique.length)
        await trx
          .insertInto('web_user_units')
          .values(unique.map((unit_id) => ({ user_id: userId, unit_id })))
          .execute();
    });
  }

  async countUsers(): Promise<number> {
    const row = await this.db
      .selectFrom('web_users')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async reviews(documentId: string): Promise<Map<string, FindingReview>> {
    const rows = await this.db
      .selectFrom('web_reviews')
      .selectAll()
      .where('document_id', '=', documentId)
      .orderBy('id')
      .execute();
    const out = new Map<string, FindingReview>();
    for (const r of rows) {
      const review = out.get(r.finding) ?? { status: 'open' as const, comments: [] };
      const status = (r.status ?? undefined) as ReviewComment['status'];
      review.comments.push({ author: r.author, text: r.text, at: r.created_at, status });
      if (status) review.status = status;
      out.set(r.finding, review);
    }
    return out;
  }

  async addReview(documentId: string, finding: string, comment: ReviewComment) {
    await this.db
      .insertInto('web_reviews')
      .values({
        document_id: documentId,
        finding,
        author: comment.author,
        text: comment.text,
        status: comment.status ?? null,
        created_at: comment.at,
      })
      .execute();
  }
}
