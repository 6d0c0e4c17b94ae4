// Child-process helpers: run a command to completion (output kept in a log
// file and shown on failure) or start a long-lived service.
import { spawn } from "node:child_process"
import { createWriteStream, mkdirSync, readFileSync } from "node:fs"
import { dirname } from "node:path"

export function run(cmd, args, { cwd, env, logFile, quiet = true } = {}) {
  return new Promise((resolve, reject) => {
    if (logFile) {
      mkdirSync(dirname(logFile), { recursive: true })
    }
    const log = logFile ? createWriteStream(logFile) : null
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    })
    const onData = (d) => {
      log?.write(d)
      if (!quiet) {
        process.stdout.write(d)
      }
    }
    child.stdout.on("data", onData)
    child.stderr.on("data", onData)
    child.on("error", reject)
    child.on("close", (code) => {
      log?.end()
      if (code === 0) {
        return resolve()
      }
      const tail = logFile ? readFileSync(logFile, "utf8").split("\n").slice(-25).join("\n") : ""
      reject(new Error(`${cmd} ${args.join(" ")} terminó con código ${code}\n${tail}`))
    })
  })
}

export function startService(name, cmd, args, { cwd, env, logFile }) {
  mkdirSync(dirname(logFile), { recursive: true })
  const log = createWriteStream(logFile, { flags: "a" })
  const child = spawn(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: process.platform !== "win32",
  })
  child.stdout.pipe(log)
  child.stderr.pipe(log)
  child.serviceName = name
  child.logFile = logFile
  return child
}

export function stopService(child, signal = "SIGTERM") {
  const killGroup = (sig) => {
    try {
      process.kill(-child.pid, sig)
    } catch {
      // group already gone
    }
  }
  if (!child || child.exitCode !== null) {
    if (child) {
      killGroup("SIGKILL")
    }
    return Promise.resolve()
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => killGroup("SIGKILL"), 10000)
    child.once("exit", () => {
      clearTimeout(timer)
      // the direct child may exit before its own children (a wrapper):
      // give them a moment to finish, then make sure nothing is left
      setTimeout(() => {
        killGroup("SIGKILL")
        resolve()
      }, 1500)
    })
    killGroup(signal)
  })
}

export async function waitForHttp(url, { timeoutMs = 300000, child } = {}) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      throw new Error(`${child.serviceName} terminó antes de estar listo (ver ${child.logFile})`)
    }
    try {
      // a busy server may accept the connection and answer late: bound each try
      const res = await fetch(url, { signal: AbortSignal.timeout(10000) })
      if (res.status < 500) {
        return
      }
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${url} no respondió en ${timeoutMs / 1000} s`)
}
