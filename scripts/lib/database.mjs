// Creates the application database when it does not exist yet.
import pg from "pg"

/**
 * Creates the database of `url` when missing; answers its oid, which changes
 * when a database is dropped and created again under the same name (the
 * setup stamp of a later start depends on it).
 */
export async function ensureDatabase(url) {
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.replace(/^\//, ""))
  if (!name) {
    throw new Error(`DATABASE_URL sin nombre de base de datos: ${url}`)
  }
  const admin = new URL(url)
  admin.pathname = "/postgres"
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    const oid = async () => (await client.query("select oid::text as oid from pg_database where datname = $1", [name])).rows[0]?.oid ?? null
    const existing = await oid()
    if (existing) {
      return existing
    }
    await client.query(`create database "${name.replace(/"/g, '""')}"`)
    return await oid()
  } finally {
    await client.end()
  }
}
