// Migrations in code, versioned by name and run in order when a store is opened (Kysely's Migrator records what
// ran). Add a new migration at the end; never edit one that has shipped.
import type { ColumnDefinitionBuilder, Kysely, Migration, MigrationProvider } from 'kysely';
import type { Dialect } from './connect.js';

/** Column types that differ between the engines; everything else is written once. */
function types(dialect: Dialect) {
  const pg = dialect === 'postgres';
  return {
    amount: pg ? ('numeric' as const) : ('text' as const),
    bytes: pg ? ('bytea' as const) : ('blob' as const),
    bigint: pg ? ('bigint' as const) : ('integer' as const),
  };
}

function idColumn(dialect: Dialect) {
  return dialect === 'postgres'
    ? (['id', 'serial', (c: ColumnDefinitionBuilder) => c.primaryKey()] as const)
    : (['id', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement()] as const);
}

function initial(dialect: Dialect): Migration {
  const t = types(dialect);
  const [idName, idType, idBuild] = idColumn(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('units')
        .addColumn(idName, idType, idBuild)
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('region', 'text')
        .addColumn('parent_id', 'integer', (c) => c.references('units.id'))
        .execute();
      await db.schema
        .createTable('unit_names')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('files')
        .addColumn('sha256', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('size', t.bigint, (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('stored_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('file_contents')
        .addColumn('sha256', 'text', (c) => c.primaryKey())
        .addColumn('content', t.bytes, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('documents')
        .addColumn(idName, idType, idBuild)
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
        .addColumn('unit_name', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('family', 'text', (c) => c.notNull())
        .addColumn('region', 'text')
        .addColumn('title', 'text')
        .addColumn('tables', 'integer', (c) => c.notNull())
        .addColumn('tables_low', 'integer', (c) => c.notNull())
        .addColumn('confidence', 'text', (c) => c.notNull())
        .addColumn('parse_ms', 'integer', (c) => c.notNull())
        .addColumn('model', 'text', (c) => c.notNull())
        .addColumn('stored_at', 'text', (c) => c.notNull())
        .addColumn('audited_at', 'text', (c) => c.notNull())
        .addColumn('errors', 'integer', (c) => c.notNull())
        .addColumn('warnings', 'integer', (c) => c.notNull())
        .addColumn('infos', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('documents_unit_year')
        .on('documents')
        .columns(['unit_id', 'year'])
        .execute();
      await db.schema.createIndex('documents_year_kind').on('documents').columns(['year', 'kind']).execute();
      await db.schema
        .createTable('document_files')
        .addColumn('document_id', 'integer', (c) =>
          c.notNull().references('documents.id').onDelete('cascade'),
        )
        .addColumn('sha256', 'text', (c) => c.notNull().references('files.sha256'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('document_files_pk', ['document_id', 'position'])
        .execute();
      await db.schema.createIndex('document_files_sha256').on('document_files').column('sha256').execute();
      await db.schema
        .createTable('facts')
        .addColumn('document_id', 'integer', (c) =>
          c.notNull().references('documents.id').onDelete('cascade'),
        )
        .addColumn('table_index', 'integer', (c) => c.notNull())
        .addColumn('table_kind', 'text', (c) => c.notNull())
        .addColumn('table_title', 'text', (c) => c.notNull())
        .addColumn('row_index', 'integer', (c) => c.notNull())
        .addColumn('row_code', 'text')
        .addColumn('row_name', 'text', (c) => c.notNull())
        .addColumn('row_label', 'text', (c) => c.notNull())
        .addColumn('side', 'text')
        .addColumn('column_id', 'text', (c) => c.notNull())
        .addColumn('value', t.amount, (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('amount', t.amount, (c) => c.notNull())
        .addColumn('page', 'integer')
        .execute();
      await db.schema.createIndex('facts_document').on('facts').column('document_id').execute();
      await db.schema
        .createIndex('facts_kind_code')
        .on('facts')
        .columns(['table_kind', 'row_code', 'column_id'])
        .execute();
      await db.schema
        .createTable('named_facts')
        .addColumn('document_id', 'integer', (c) =>
          c.notNull().references('documents.id').onDelete('cascade'),
        )
        .addColumn('fact', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('amount', t.amount)
        .addColumn('table_kind', 'text', (c) => c.notNull())
        .addColumn('row_code', 'text')
        .addColumn('row_name', 'text')
        .addColumn('column_id', 'text')
        .addColumn('page', 'integer')
        .addPrimaryKeyConstraint('named_facts_pk', ['document_id', 'fact'])
        .execute();
      await db.schema
        .createIndex('named_facts_fact')
        .on('named_facts')
        .columns(['fact', 'document_id'])
        .execute();
      await db.schema
        .createTable('findings')
        .addColumn('document_id', 'integer', (c) =>
          c.notNull().references('documents.id').onDelete('cascade'),
        )
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('table_kind', 'text')
        .addColumn('row_code', 'text')
        .addColumn('row_name', 'text')
        .addColumn('column_id', 'text')
        .addColumn('expected', 'text')
        .addColumn('actual', 'text')
        .addColumn('page', 'integer')
        .addColumn('excerpt', 'text')
        .addPrimaryKeyConstraint('findings_pk', ['document_id', 'position'])
        .execute();
      await db.schema.createIndex('findings_rule').on('findings').columns(['rule', 'severity']).execute();
      await db.schema
        .createTable('failures')
        .addColumn('sha256', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('failed_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}

/** A finding's place in prose: the line within the page and the section's title. */
const findingPlace: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('findings').addColumn('line', 'integer').execute();
    await db.schema.alterTable('findings').addColumn('section', 'text').execute();
  },
};

/** Volumes read by queue workers, waiting for their partner volume (a text volume for a tables volume). */
const stagedVolumes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('staged_volumes')
      .addColumn('sha256', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('model', 'text', (c) => c.notNull())
      .addColumn('parse_ms', 'integer', (c) => c.notNull())
      .addColumn('staged_at', 'text', (c) => c.notNull())
      .execute();
  },
};

/** A year's comparison lists units by name: the index gives them in order without sorting the whole year. */
const yearUnitIndex: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('documents_year_unit')
      .on('documents')
      .columns(['year', 'unit_name', 'id'])
      .execute();
  },
};

/** Every migration, by name; names sort in the order they run. */
export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001_initial': initial(dialect),
    '0002_finding_place': findingPlace,
    '0003_staged_volumes': stagedVolumes,
    '0004_year_unit_index': yearUnitIndex,
  };
}

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}
