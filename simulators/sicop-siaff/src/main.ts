import { createSimulator } from "./app"
import { faultsFromEnv } from "./faults"

async function main() {
  const databaseUrl = process.env.SIMULATOR_DATABASE_URL || process.env.DATABASE_URL
  if (!databaseUrl) {
    process.stderr.write("sicop-siaff: define DATABASE_URL o SIMULATOR_DATABASE_URL\n")
    process.exit(1)
  }
  const port = Number(process.env.PORT || 9100)
  const sim = await createSimulator({
    databaseUrl,
    schema: process.env.SIM_SCHEMA || "sicop_siaff",
    faults: faultsFromEnv(process.env),
    settlementMs: Number(process.env.SIM_SETTLEMENT_MS || 0),
    token: process.env.SIMULATOR_TOKEN || undefined,
  })
  await sim.listen(port, process.env.SIM_HOST || "127.0.0.1")
  process.stdout.write(`sicop-siaff simulator on http://localhost:${port} (schema ${sim.schema})\n`)
  const stop = () => void sim.close().then(() => process.exit(0))
  process.on("SIGTERM", stop)
  process.on("SIGINT", stop)
}

void main()
