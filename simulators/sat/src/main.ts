import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { createSatSimulator } from "./app"
import { faultsFromEnv } from "./faults"
import type { IssuingCa } from "./pac"

/**
 * The CA that issues the test PAC's certificate: the project's test CA files
 * (the app writes them to .data/efirma-test-ca and trusts them in
 * development); a self-signed PAC certificate when they do not exist yet.
 */
function issuingCa(): IssuingCa | null {
  const dataDir = process.env.TIENDA_DATA_DIR || join(__dirname, "..", "..", "..", ".data")
  const dir = process.env.SAT_TEST_CA_DIR || join(dataDir, "efirma-test-ca")
  const cer = join(dir, "ca.cer")
  const key = join(dir, "ca-key.pem")
  return existsSync(cer) && existsSync(key) ? { cert_der: readFileSync(cer), key_pem: readFileSync(key, "utf8") } : null
}

async function main() {
  const databaseUrl = process.env.SIMULATOR_DATABASE_URL || process.env.DATABASE_URL
  if (!databaseUrl) {
    process.stderr.write("sat: define DATABASE_URL o SIMULATOR_DATABASE_URL\n")
    process.exit(1)
  }
  const port = Number(process.env.PORT || 9101)
  const sim = await createSatSimulator({
    databaseUrl,
    schema: process.env.SIM_SCHEMA || "sat",
    faults: faultsFromEnv(process.env),
    ca: issuingCa(),
    token: process.env.SIMULATOR_TOKEN || undefined,
  })
  await sim.listen(port, process.env.SIM_HOST || "127.0.0.1")
  process.stdout.write(`SAT simulator on http://127.0.0.1:${port} (schema ${sim.schema}, PAC certificate ${sim.pacCertificate.serial})\n`)
  const stop = () => void sim.close().then(() => process.exit(0))
  process.on("SIGTERM", stop)
  process.on("SIGINT", stop)
}

void main()
