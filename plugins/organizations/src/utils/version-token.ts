/**
 * SQL for a "version token" table: one row whose random value changes, by
 * statement trigger, with every committed write to the watched tables
 * (whoever writes). Caches key on it to stay exact across processes.
 *
 * The value is random, never a counter or a sequence: it is written in the
 * same transaction as the data, so it becomes visible with the data and not
 * before, and a database restored from a backup (or a test template) comes
 * back with the token of exactly its data while later writes never reuse a
 * value a cache has seen. The write is an upsert so the row comes back after
 * a TRUNCATE.
 */
export type VersionTokenSpec = {
  /** Table holding the token (`id` 1, `version` text). */
  table: string
  /** Name of the trigger function (and, with `_bump`, of the triggers). */
  fn: string
  /** Tables whose writes change the token. */
  watched: string[]
}

export function versionTokenUpSql({ table, fn, watched }: VersionTokenSpec): string[] {
  return [
    `create table if not exists "${table}" ("id" int primary key, "version" text not null);`,
    `insert into "${table}" ("id", "version") values (1, gen_random_uuid()::text) on conflict ("id") do nothing;`,
    `create or replace function ${fn}() returns trigger language plpgsql as $$
      begin
        insert into ${table} (id, version) values (1, gen_random_uuid()::text)
          on conflict (id) do update set version = excluded.version;
        return null;
      end $$;`,
    ...watched.flatMap((t) => [
      `drop trigger if exists ${fn}_bump on "${t}";`,
      `create trigger ${fn}_bump after insert or update or delete or truncate on "${t}"
        for each statement execute function ${fn}();`,
    ]),
  ]
}

export function versionTokenDownSql({ table, fn, watched }: VersionTokenSpec): string[] {
  return [
    ...watched.map((t) => `drop trigger if exists ${fn}_bump on "${t}";`),
    `drop function if exists ${fn}();`,
    `drop table if exists "${table}";`,
  ]
}

/** The current token of a version-token table; null when it has no row (then cache nothing). */
export async function readVersionToken(
  pg: { raw: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> },
  table: string,
): Promise<string | null> {
  const { rows } = await pg.raw(`SELECT version FROM "${table}" WHERE id = 1`)
  return (rows[0]?.version as string | undefined) ?? null
}
