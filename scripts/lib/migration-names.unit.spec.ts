import { readdirSync, statSync } from "node:fs"
import { join, relative } from "node:path"

const ROOT = join(__dirname, "..", "..")

function migrationFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === ".medusa" || name.startsWith(".")) {
      continue
    }
    const path = join(dir, name)
    if (statSync(path).isDirectory()) {
      migrationFiles(path, out)
    } else if (/^Migration\d+\.ts$/.test(name) && dir.endsWith("migrations")) {
      out.push(path)
    }
  }
  return out
}

describe("module migrations", () => {
  // Every module records its applied migrations by file name in one shared
  // table (mikro_orm_migrations): a second module's file with the same name is
  // taken as already applied and silently skipped.
  it("have names unique across every module of the application", () => {
    const files = ["plugins", "backend/src"].flatMap((d) => migrationFiles(join(ROOT, d)))
    expect(files.length).toBeGreaterThan(10)
    const byName = new Map<string, string[]>()
    for (const f of files) {
      const name = f.split("/").pop()!
      byName.set(name, [...(byName.get(name) ?? []), relative(ROOT, f)])
    }
    expect([...byName.values()].filter((paths) => paths.length > 1)).toEqual([])
  })
})
