import { spawn, type ChildProcess } from "node:child_process"
import { join } from "node:path"

const backend = join(__dirname, "..", "..", "backend")

/**
 * A `medusa start` child process over the test's database, killed with
 * SIGKILL (its whole process group: npx and node) and started again on the
 * same port — what an OOM kill or a lost machine does to the server.
 */
export function serverProcess(env: () => Record<string, string>) {
  let child: ChildProcess | null = null
  let log = ""
  let port = 0

  async function waitHealthy() {
    // Bounded by a deadline sized for a slow machine; polls, never asserts time.
    const deadline = Date.now() + 240_000
    while (Date.now() < deadline) {
      if (child?.exitCode !== null && child?.exitCode !== undefined) {
        throw new Error(`medusa start exited with ${child.exitCode}:\n${log.slice(-4000)}`)
      }
      try {
        if ((await fetch(`http://127.0.0.1:${port}/health`)).status === 200) {
          return
        }
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 300))
    }
    throw new Error(`medusa start did not become healthy:\n${log.slice(-4000)}`)
  }

  return {
    url: () => `http://127.0.0.1:${port}`,
    log: () => log,
    async start(onPort: number) {
      port = onPort
      log = ""
      child = spawn("npx", ["medusa", "start"], {
        cwd: backend,
        env: { ...process.env, ...env(), PORT: String(port) },
        detached: true,
      })
      child.stdout?.on("data", (d) => (log += d))
      child.stderr?.on("data", (d) => (log += d))
      await waitHealthy()
    },
    /** SIGKILL to the process group; resolves once it is gone. */
    async kill() {
      const c = child
      if (!c || c.exitCode !== null || c.signalCode !== null) {
        return
      }
      const gone = new Promise((r) => c.once("exit", r))
      try {
        process.kill(-(c.pid as number), "SIGKILL")
      } catch {
        // already gone
      }
      await gone
      child = null
    },
  }
}
