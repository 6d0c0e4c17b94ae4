// HTTP client of the end-to-end load benchmark: the demo world's logins
// (demo.json, .data/efirma-demo) acting through the public API exactly as the
// storefront does, every request timed under a request type.
import { readFileSync } from "node:fs"
import { performance } from "node:perf_hooks"
import { join } from "node:path"
import { openCredential, signPayload } from "../../../plugins/contracts/efirma-client/index.mjs"

/** Latencies (ms) and outcomes per request type. */
export class Recorder {
  constructor() {
    this.types = new Map()
  }
  add(type, ms, ok) {
    let t = this.types.get(type)
    if (!t) {
      t = { ms: [], errors: 0, refused: 0 }
      this.types.set(type, t)
    }
    t.ms.push(ms)
    if (ok === "error") {
      t.errors++
    } else if (ok === "refused") {
      t.refused++
    }
  }
  /** Per type: count, errors (5xx / network), refusals (4xx), p50/p95/p99 in ms. */
  summary() {
    return [...this.types.entries()]
      .map(([type, t]) => ({ type, count: t.ms.length, errors: t.errors, refused: t.refused, ...percentiles(t.ms) }))
      .sort((a, b) => a.type.localeCompare(b.type))
  }
  totals() {
    const all = [...this.types.values()]
    return {
      count: all.reduce((s, t) => s + t.ms.length, 0),
      errors: all.reduce((s, t) => s + t.errors, 0),
      ...percentiles(all.flatMap((t) => t.ms)),
    }
  }
}

export function percentiles(values) {
  if (!values.length) {
    return { p50: null, p95: null, p99: null }
  }
  const s = [...values].sort((a, b) => a - b)
  const at = (q) => Math.round(s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)])
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) }
}

export class HttpError extends Error {
  constructor(type, status, body) {
    super(`${type}: HTTP ${status} ${JSON.stringify(body).slice(0, 400)}`)
    this.status = status
    this.body = body
  }
}

/** One logged-in demo account. */
export class Session {
  constructor(api, login, token) {
    this.api = api
    this.login = login
    this.token = token
  }
  get prefix() {
    return this.login.actor_type === "supplier" ? "/supplier" : "/store"
  }
  async call(type, method, path, body, { expect = [200, 201] } = {}) {
    return this.api.call(type, method, path, body, this.token, expect)
  }
}

export class Api {
  constructor(baseUrl, publishableKey, recorder) {
    this.baseUrl = baseUrl
    this.publishableKey = publishableKey
    this.recorder = recorder
  }

  async call(type, method, path, body, token, expect = [200, 201]) {
    const headers = { "x-publishable-api-key": this.publishableKey }
    if (body !== undefined) {
      headers["content-type"] = "application/json"
    }
    if (token) {
      headers.authorization = `Bearer ${token}`
    }
    const t0 = performance.now()
    let res
    let data
    try {
      res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
      const text = await res.text()
      data = text ? JSON.parse(text) : null
    } catch (e) {
      this.recorder.add(type, performance.now() - t0, "error")
      throw new HttpError(type, 0, { message: e.message })
    }
    const ms = performance.now() - t0
    const ok = expect.includes(res.status)
    this.recorder.add(type, ms, ok ? "ok" : res.status >= 500 ? "error" : "refused")
    if (!ok) {
      throw new HttpError(type, res.status, data)
    }
    return data
  }

  async login(login, password) {
    const data = await this.call("login", "POST", `/auth/${login.actor_type}/emailpass`, { email: login.email, password }, null, [200])
    return new Session(this, login, data.token)
  }
}

/** The demo world as `npm start` leaves it: logins, walkthrough, e.firma files. */
export function readDemo(dataDir) {
  const demo = JSON.parse(readFileSync(join(dataDir, "demo.json"), "utf8"))
  const efirmaDir = join(dataDir, "efirma-demo")
  const files = JSON.parse(readFileSync(join(efirmaDir, "index.json"), "utf8"))
  const credentials = new Map()
  /** The e.firma of a demo account, opened with the browser module (WebCrypto). */
  async function credentialOf(email, password) {
    if (!credentials.has(email)) {
      const f = files[email]
      if (!f) {
        throw new Error(`no demo e.firma for ${email}`)
      }
      credentials.set(
        email,
        await openCredential({ cer: readFileSync(join(efirmaDir, f.cer)), key: readFileSync(join(efirmaDir, f.key)), password }),
      )
    }
    return credentials.get(email)
  }
  return { demo, credentialOf }
}

export async function signAs(session, credential, contractId) {
  const { specific_contract } = await session.call("contract: read", "GET", `${session.prefix}/specific-contracts/${contractId}`)
  const envelope = await signPayload(credential, specific_contract.signing_payload)
  return session.call("contract: sign", "POST", `${session.prefix}/specific-contracts/${contractId}/sign`, envelope)
}
