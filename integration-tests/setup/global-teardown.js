module.exports = async function globalTeardown() {
  const db = globalThis.__TIENDA_PG__
  if (db) {
    await db.stop()
  }
}
