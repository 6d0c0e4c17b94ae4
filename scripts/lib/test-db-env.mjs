// Medusa's test runner reads DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD, not
// DATABASE_URL; DB_HOST must be a name (`localhost`): with an IP the runner
// turns SSL on and hangs (see the field notes). Used by `npm test` and by the
// Jest global setup (direct `jest` runs).
export function dbEnvFromUrl(databaseUrl) {
  const u = new URL(databaseUrl)
  return {
    DB_HOST: u.hostname === "127.0.0.1" ? "localhost" : u.hostname,
    DB_PORT: u.port || "5432",
    DB_USERNAME: decodeURIComponent(u.username || "postgres"),
    DB_PASSWORD: decodeURIComponent(u.password || ""),
  }
}
