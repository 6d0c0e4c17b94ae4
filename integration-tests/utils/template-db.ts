import { Client } from "pg"

/**
 * `npm test` migrates one database before the HTTP files start and names it
 * in TIENDA_TEST_TEMPLATE_DB; each file's database is then a copy of it
 * (CREATE DATABASE … TEMPLATE, a file copy inside PostgreSQL) instead of a
 * fresh run of every module's migrations. Medusa's runner still runs its
 * migration and link sync, which find nothing to do. Without the variable
 * (jest run directly) the runner migrates as usual.
 */
export async function cloneMigratedTemplate(dbName: string): Promise<void> {
  const template = process.env.TIENDA_TEST_TEMPLATE_DB
  if (!template) {
    return
  }
  const client = new Client({
    host: process.env.DB_HOST,
    port: Number(process.env.DB_PORT || 5432),
    user: process.env.DB_USERNAME || "postgres",
    password: process.env.DB_PASSWORD || undefined,
    database: "postgres",
  })
  await client.connect()
  try {
    const quote = (id: string) => `"${id.replace(/"/g, '""')}"`
    // Two files may clone at the same moment; PostgreSQL refuses a copy while
    // another session is in the template, so retry briefly.
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${quote(dbName)} TEMPLATE ${quote(template)}`)
        return
      } catch (e) {
        const busy = (e as { code?: string }).code === "55006"
        if (!busy || attempt >= 50) {
          throw e
        }
        await new Promise((r) => setTimeout(r, 200))
      }
    }
  } finally {
    await client.end()
  }
}
