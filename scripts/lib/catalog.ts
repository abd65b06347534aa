import type Database from "better-sqlite3";
import type pg from "pg";

/** A database's tables, columns, indexes and foreign keys as comparable strings. */
export type Catalog = Map<string, string>;

const IGNORED_TABLES = new Set(["_prisma_migrations"]);

export function sqliteCatalog(sqlite: Database.Database): Catalog {
  const catalog: Catalog = new Map();
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as Array<{ name: string }>;
  for (const { name } of tables) {
    if (IGNORED_TABLES.has(name)) continue;
    catalog.set(`table ${name}`, "");
    for (const column of sqlite.pragma(`table_info("${name}")`) as Array<Record<string, unknown>>) {
      catalog.set(`column ${name}.${String(column.name)}`, `${String(column.type)} notnull=${String(column.notnull)} default=${String(column.dflt_value)} pk=${String(column.pk)}`);
    }
    for (const index of sqlite.pragma(`index_list("${name}")`) as Array<Record<string, unknown>>) {
      const columns = (sqlite.pragma(`index_info("${String(index.name)}")`) as Array<{ name: string }>).map((c) => c.name);
      catalog.set(`index ${String(index.name)}`, `on ${name}(${columns.join(",")}) unique=${String(index.unique)}`);
    }
    for (const fk of sqlite.pragma(`foreign_key_list("${name}")`) as Array<Record<string, unknown>>) {
      catalog.set(`fk ${name}.${String(fk.from)}`, `→ ${String(fk.table)}.${String(fk.to)} on delete ${String(fk.on_delete)} on update ${String(fk.on_update)}`);
    }
  }
  return catalog;
}

export async function postgresCatalog(client: pg.Client): Promise<Catalog> {
  const catalog: Catalog = new Map();
  const columns = await client.query<Record<string, string>>(
    `SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, '') AS column_default
       FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`,
  );
  for (const row of columns.rows) {
    if (IGNORED_TABLES.has(row.table_name!)) continue;
    catalog.set(`table ${row.table_name}`, "");
    catalog.set(`column ${row.table_name}.${row.column_name}`, `${row.data_type} nullable=${row.is_nullable} default=${row.column_default}`);
  }
  const indexes = await client.query<Record<string, string>>(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`);
  for (const row of indexes.rows) {
    if (IGNORED_TABLES.has(row.tablename!)) continue;
    catalog.set(`index ${row.indexname}`, row.indexdef!);
  }
  const constraints = await client.query<Record<string, string>>(
    `SELECT c.conrelid::regclass::text AS table_name, c.conname, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public'`,
  );
  for (const row of constraints.rows) {
    if (IGNORED_TABLES.has(row.table_name!.replace(/"/g, ""))) continue;
    catalog.set(`constraint ${row.table_name}.${row.conname}`, row.def!);
  }
  return catalog;
}

export function diffCatalogs(expected: Catalog, actual: Catalog): string[] {
  const lines: string[] = [];
  for (const [key, value] of expected) {
    if (!actual.has(key)) lines.push(`missing ${key} (${value || "expected by the schema"})`);
    else if (actual.get(key) !== value) lines.push(`${key} differs: migrations give "${actual.get(key)}", the schema wants "${value}"`);
  }
  for (const key of actual.keys()) if (!expected.has(key)) lines.push(`unexpected ${key} (not in the schema)`);
  return lines;
}
