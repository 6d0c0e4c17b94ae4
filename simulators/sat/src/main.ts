import { ensureTestCaDirectory } from "@tienda/contracts/efirma/test-ca-files"
import { join } from "node:path"
import { createSatSimulator } from "./app"
import { faultsFromEnv } from "./faults"

async function main() {
  const databaseUrl = process.env.SIMULATOR_DATABASE_URL || process.env.DATABASE_URL
  if (!databaseUrl) {
    process.stderr.write("sat: define DATABASE_URL o SIMULATOR_DATABASE_URL\n")
    process.exit(1)
  }
  // The project's test CA (the one the app trusts in development) issues the PAC certificate.
  const dataDir = process.env.TIENDA_DATA_DIR || join(__dirname, "..", "..", "..", ".data")
  const ca = ensureTestCaDirectory(process.env.SAT_TEST_CA_DIR || join(dataDir, "efirma-test-ca")).ca
  const port = Number(process.env.PORT || 9101)
  const sim = await createSatSimulator({
    databaseUrl,
    schema: process.env.SIM_SCHEMA || "sat",
    faults: faultsFromEnv(process.env),
    ca,
  })
  await sim.listen(port, process.env.SIM_HOST || "127.0.0.1")
  process.stdout.write(`SAT simulator on http://127.0.0.1:${port} (schema ${sim.schema}, PAC certificate ${sim.pacCertificate.serial})\n`)
  const stop = () => void sim.close().then(() => process.exit(0))
  process.on("SIGTERM", stop)
  process.on("SIGINT", stop)
}

void main()
