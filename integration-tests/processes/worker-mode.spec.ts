// @redis: server + worker topology over Redis (event bus, workflow engine, locking, scheduled jobs)
import { spawn, type ChildProcess } from "node:child_process"
import { join } from "node:path"
import { Client } from "pg"
import Redis from "ioredis"
import request from "supertest"

/**
 * Production topology: one `server` and one `worker` process against the
 * same PostgreSQL and Redis. Both start and answer /health, only the server
 * serves the API, and the scheduled heartbeat runs once per tick, in the
 * worker. Runs only when REDIS_URL is set (see jest.config.js).
 */
jest.setTimeout(10 * 60 * 1000) // sized for a slow machine (see utils/runner.ts)

const backend = join(__dirname, "..", "..", "backend")
const redisBase = process.env.REDIS_URL as string
const redisUrl = `${redisBase.replace(/\/\d+$/, "")}/7`
const dbName = `tienda_proc_${process.pid}`
const pgBase = `postgres://${process.env.DB_USERNAME}:${process.env.DB_PASSWORD}@${process.env.DB_HOST}:${process.env.DB_PORT}`
const databaseUrl = `${pgBase}/${dbName}`
const TICK = 3

const procs: ChildProcess[] = []
const logs: Record<string, string> = {}

function run(args: string[], env: Record<string, string>) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn("npx", ["medusa", ...args], { cwd: backend, env: { ...process.env, ...env } })
    let out = ""
    child.stdout.on("data", (d) => (out += d))
    child.stderr.on("data", (d) => (out += d))
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`medusa ${args.join(" ")}: ${code}\n${out.slice(-3000)}`))))
  })
}

function start(name: string, env: Record<string, string>) {
  const child = spawn("npx", ["medusa", "start"], { cwd: backend, env: { ...process.env, ...env }, detached: true })
  logs[name] = ""
  child.stdout?.on("data", (d) => (logs[name] += d))
  child.stderr?.on("data", (d) => (logs[name] += d))
  procs.push(child)
  return child
}

async function waitHealthy(port: number, name: string) {
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://localhost:${port}/health`)
      if (res.status === 200) {
        return
      }
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${name} did not become healthy:\n${logs[name].slice(-3000)}`)
}

const common = () => ({
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  DISABLE_ADMIN: "true",
  MEDUSA_DISABLE_TELEMETRY: "true",
  HEARTBEAT_CRON: `*/${TICK} * * * * *`,
  HEARTBEAT_TICK_SECONDS: String(TICK),
  NODE_ENV: "development",
  LOG_LEVEL: "info",
})

describe("server and worker processes", () => {
  const serverPort = 9300 + (process.pid % 200)
  const workerPort = serverPort + 1

  beforeAll(async () => {
    const admin = new Client({ connectionString: `${pgBase}/postgres` })
    await admin.connect()
    await admin.query(`drop database if exists "${dbName}"`)
    await admin.query(`create database "${dbName}"`)
    await admin.end()
    const redis = new Redis(redisUrl)
    await redis.flushdb()
    redis.disconnect()
    await run(["db:migrate"], common())
    start("server", { ...common(), MEDUSA_WORKER_MODE: "server", PORT: String(serverPort) })
    start("worker", { ...common(), MEDUSA_WORKER_MODE: "worker", PORT: String(workerPort) })
    await Promise.all([waitHealthy(serverPort, "server"), waitHealthy(workerPort, "worker")])
  })

  afterAll(async () => {
    for (const p of procs) {
      try {
        process.kill(-(p.pid as number), "SIGTERM")
      } catch {
        // already gone
      }
    }
    await new Promise((r) => setTimeout(r, 2000))
    const admin = new Client({ connectionString: `${pgBase}/postgres` })
    await admin.connect()
    await admin.query(`drop database if exists "${dbName}" with (force)`)
    await admin.end()
  })

  it("boots both with the Redis modules", () => {
    for (const name of ["server", "worker"]) {
      expect(logs[name]).toMatch(/redis/i)
      expect(logs[name]).not.toMatch(/Local Event Bus installed/)
    }
  })

  it("serves the API from the server only", async () => {
    const server = await request(`http://localhost:${serverPort}`).get("/admin/organizations")
    expect(server.status).toBe(401)
    const worker = await request(`http://localhost:${workerPort}`).get("/admin/organizations")
    expect(worker.status).toBe(404)
  })

  it("runs the scheduled heartbeat once per tick, in the worker", async () => {
    // Poll (bounded, sized for a slow machine) until three ticks have run.
    const db = new Client({ connectionString: databaseUrl })
    await db.connect()
    const ticks = () =>
      db.query(
        "select tick, worker_mode, count(*)::int as runs from ops_job_run where job = 'heartbeat' and deleted_at is null group by tick, worker_mode order by tick",
      )
    let { rows } = await ticks()
    for (let i = 0; i < 120 && rows.length < 3; i++) {
      await new Promise((r) => setTimeout(r, TICK * 1000))
      rows = (await ticks()).rows
    }
    await db.end()
    expect(rows.length).toBeGreaterThanOrEqual(3)
    for (const row of rows) {
      expect(row).toEqual(expect.objectContaining({ worker_mode: "worker", runs: 1 }))
    }
  })
})
