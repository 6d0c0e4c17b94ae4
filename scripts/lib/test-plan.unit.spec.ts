// `npm test` runs suites from scripts/lib/test-plan.mjs, not from Jest's own
// discovery: a test file or Jest project the plan forgot would silently stop
// running. These tests compare the plan with what is on disk and in
// jest.config.js.
import { spawnSync } from "node:child_process"
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative } from "node:path"

const root = join(__dirname, "..", "..")
type Suite = { name: string; kind: string; project?: string; files?: string[]; redis?: boolean }

/** The plan as the ES module computes it (Jest's sandbox cannot import .mjs without flags). */
function plan(options: Record<string, unknown>): Suite[] {
  const code = `import("./scripts/lib/test-plan.mjs").then((m) => process.stdout.write(JSON.stringify(m.testPlan(process.cwd(), ${JSON.stringify(options)}))))`
  const r = spawnSync("node", ["-e", code], { cwd: root, encoding: "utf8" })
  expect(r.stderr).toBe("")
  return JSON.parse(r.stdout)
}

function specs(dir: string, suffix: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(join(root, dir))) {
    const p = join(root, dir, name)
    if (statSync(p).isDirectory()) {
      out.push(...specs(relative(root, p), suffix))
    } else if (name.endsWith(suffix)) {
      out.push(relative(root, p))
    }
  }
  return out.sort()
}

describe("npm test's plan", () => {
  it("runs every HTTP, browser and unmarked process spec file once, each in its own process, plus the static checks, unit and modules", () => {
    const all = plan({ chromium: true, redis: false })
    const files = all.filter((s) => s.kind === "jest" && s.files?.length).flatMap((s) => s.files)
    const processes = specs("integration-tests/processes", ".spec.ts").filter(
      (f) => !/^\/\/ @redis: .+$/m.test(readFileSync(join(root, f), "utf8")),
    )
    expect(processes.length).toBeGreaterThan(0)
    expect(files.sort()).toEqual(
      [...specs("integration-tests/http", ".spec.ts"), ...specs("integration-tests/e2e", ".e2e.spec.ts"), ...processes].sort(),
    )
    expect(all.filter((s) => s.kind === "jest" && !s.files?.length).map((s) => s.project)).toEqual(["unit", "modules"])
    expect(all.filter((s) => s.kind === "cmd").map((s) => s.name)).toEqual([
      "single copy of @medusajs/framework and core-flows",
      "format (prettier --check)",
      "lint (eslint + Medusa rules)",
      "typecheck (tsc --noEmit per workspace)",
    ])
  })

  it("covers every Jest project of jest.config.js", () => {
    const config = readFileSync(join(root, "jest.config.js"), "utf8")
    const projects = [...config.matchAll(/displayName: "([a-z0-9-]+)"/g)].map((m) => m[1]).sort()
    const planned = new Set(
      [...plan({ chromium: true, redis: false }), ...plan({ only: "redis", skipStatic: true, chromium: true, redis: true })].map(
        (s) => s.project,
      ),
    )
    expect(projects.filter((p) => !planned.has(p))).toEqual([])
  })

  it("under Redis runs the HTTP and process files marked // @redis: (the server/worker processes), nothing else", () => {
    const marked = specs("integration-tests/http", ".spec.ts").filter((f) => /^\/\/ @redis: .+$/m.test(readFileSync(join(root, f), "utf8")))
    expect(marked.length).toBeGreaterThan(0)
    const redis = plan({ only: "redis", skipStatic: true, chromium: true, redis: true })
    expect(
      redis
        .filter((s) => s.project === "http")
        .flatMap((s) => s.files)
        .sort(),
    ).toEqual(marked)
    expect(redis.filter((s) => s.project !== "http").map((s) => s.project)).toEqual(["processes"])
  })

  it("CI's one run (--redis) is the full plan plus the Redis pass, each Redis suite named apart and marked to get Redis", () => {
    const full = plan({ chromium: true, redis: false })
    const redis = plan({ only: "redis", skipStatic: true, chromium: true, redis: true })
    const both = plan({ chromium: true, redis: false, withRedis: true })
    expect(both.filter((s) => !s.redis).map((s) => s.name)).toEqual(full.map((s) => s.name))
    const extra = both.filter((s) => s.redis)
    expect(extra.map((s) => s.files)).toEqual(redis.map((s) => s.files))
    expect(new Set(both.map((s) => s.name)).size).toBe(both.length)
    expect(full.some((s) => s.redis)).toBe(false)
  })

  it("each alternative of a file's // @redis-tests: pattern names one of its tests (a renamed test cannot drop out of the Redis pass)", () => {
    const withPattern = specs("integration-tests/http", ".spec.ts")
      .map((f) => ({ f, text: readFileSync(join(root, f), "utf8") }))
      .map(({ f, text }) => ({ f, text, pattern: /^\/\/ @redis-tests: (.+)$/m.exec(text)?.[1] }))
      .filter((x) => x.pattern)
    expect(withPattern.length).toBeGreaterThan(0)
    for (const { f, text, pattern } of withPattern) {
      expect(/^\/\/ @redis: .+$/m.test(text)).toBe(true)
      const titles = [...text.matchAll(/^\s*it\("([^"]+)"/gm)].map((m) => m[1])
      const orphans = pattern!.split("|").filter((alt) => !titles.some((t) => new RegExp(alt).test(t)))
      expect({ file: f, orphans }).toEqual({ file: f, orphans: [] })
    }
  })
})
