import initSqlJs, { type Database, type SqlJsStatic, type SqlValue } from "sql.js";

/**
 * sql.js: SQLite compiled to WebAssembly, so Anki collections are read and written by SQLite itself
 * with no native module. It finds sql-wasm.wasm beside its own script, which is why next.config.js
 * lists it in serverExternalPackages (bundled, the file would not be beside it).
 */
let sqlJs: Promise<SqlJsStatic> | null = null;

export function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= initSqlJs();
  return sqlJs;
}

export type Row = Record<string, SqlValue>;

export function queryRows(db: Database, sql: string, params: SqlValue[] = []): Row[] {
  const statement = db.prepare(sql);
  try {
    statement.bind(params);
    const rows: Row[] = [];
    while (statement.step()) rows.push(statement.getAsObject());
    return rows;
  } finally {
    statement.free();
  }
}

export function hasTable(db: Database, name: string): boolean {
  return queryRows(db, "select 1 from sqlite_master where type = 'table' and name = ?", [name]).length > 0;
}

export const SQLITE_MAGIC = "SQLite format 3\0";

export function isSqlite(bytes: Uint8Array): boolean {
  return bytes.length >= 100 && new TextDecoder().decode(bytes.subarray(0, 16)) === SQLITE_MAGIC;
}
