#!/usr/bin/env node
// Fails unless each core Medusa package is installed exactly once (one
// directory, one version) across all workspaces. Two copies make workflows
// and steps register twice (medusa#7105, #11137).
import { execFileSync } from "node:child_process"

const packages = ["@medusajs/framework", "@medusajs/core-flows", "@medusajs/medusa"]
let bad = 0
for (const name of packages) {
  let out = ""
  try {
    out = execFileSync("npm", ["ls", name, "--all", "--parseable"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    })
  } catch (e) {
    out = e.stdout ?? ""
  }
  const copies = [...new Set(out.split("\n").filter((p) => p.endsWith(`node_modules/${name}`)))]
  const ok = copies.length === 1
  if (!ok) {
    bad++
  }
  console.log(
    `${ok ? "✔" : "✘"} ${name}: ${copies.length} cop${copies.length === 1 ? "y" : "ies"}${copies.length > 1 ? `\n    ${copies.join("\n    ")}` : ""}`,
  )
}
process.exit(bad ? 1 : 0)
