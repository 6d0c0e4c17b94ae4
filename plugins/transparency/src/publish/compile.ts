import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { createHash } from "node:crypto"
import { callOffRelease, competitionRelease, frameworkRelease, type Release, type ReleaseBody } from "../ocds/build"
import { redact } from "../ocds/redact"
import { releasePackage } from "../ocds/package"
import { validateReleasePackage } from "../ocds/schema"
import type { ProcessRef } from "../ocds/types"
import { loadCompetition, loadContracts, loadFramework } from "./load"
import { releaseTags } from "./tags"

/** Canonical JSON: keys sorted, undefined dropped (the digest of a release's content). */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) {
    return `[${v.map((x) => (x === undefined ? "null" : canonical(x))).join(",")}]`
  }
  if (v && typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(",")}}`
  }
  return JSON.stringify(v)
}

/** The body of a process's release now, or null while it is not public (draft framework or competition). */
export async function buildBody(container: MedusaContainer, prefix: string, process: ProcessRef): Promise<ReleaseBody | null> {
  switch (process.kind) {
    case "framework": {
      const f = await loadFramework(container, process.source_id)
      return f && f.status !== "draft" ? frameworkRelease(prefix, f) : null
    }
    case "competition": {
      const m = await loadCompetition(container, process.source_id)
      return m ? competitionRelease(prefix, m) : null
    }
    case "call_off": {
      const [c] = await loadContracts(container, [process.source_id])
      if (!c) {
        return null
      }
      const fc = container.resolve("framework_contract") as {
        listFrameworkContracts: (f: object, c: object) => Promise<{ number: string; title: string }[]>
      }
      const sc = container.resolve("specific_contract") as {
        listSpecificContracts: (f: object, c: object) => Promise<{ framework_contract_id: string }[]>
      }
      const [row] = await sc.listSpecificContracts({ id: c.id }, { select: ["framework_contract_id"], take: 1 })
      const [fw] = await fc.listFrameworkContracts({ id: row.framework_contract_id }, { select: ["number", "title"], take: 1 })
      return callOffRelease(prefix, c, fw)
    }
  }
}

export type CompiledRelease = {
  skip: boolean
  reason?: string
  ocid?: string
  release?: Release
  data_sha256?: string
  redactions?: string[]
}

/**
 * One release of a process after an event: built from the current state,
 * redacted (R6), digested; skipped when the content equals the latest
 * release of the ocid; tagged; checked against the official release package
 * schema — an invalid release is refused, never stored.
 */
export async function compileRelease(
  container: MedusaContainer,
  input: {
    prefix: string
    process: ProcessRef
    event: string
    amendment: boolean
    now: Date
    latest: (ocid: string) => Promise<{ data_sha256: string; contract: boolean } | null>
  },
): Promise<CompiledRelease> {
  const built = await buildBody(container, input.prefix, input.process)
  if (!built) {
    return { skip: true, reason: "not_public" }
  }
  const { value: body, hits } = redact(JSON.parse(JSON.stringify(built)) as ReleaseBody)
  const data_sha256 = createHash("sha256").update(canonical(body)).digest("hex")
  const latest = await input.latest(body.ocid)
  if (latest?.data_sha256 === data_sha256) {
    return { skip: true, reason: "unchanged", ocid: body.ocid }
  }
  const tag = releaseTags({
    kind: input.process.kind,
    event: input.event,
    first: !latest,
    body,
    amendment: input.amendment,
    contractKnown: !!latest?.contract,
  })
  const release = { ...body, id: `${body.ocid}-${data_sha256.slice(0, 16)}`, date: input.now.toISOString(), tag } as Release
  const check = validateReleasePackage(
    releasePackage([release], { publisherName: "check", publicBaseUrl: null, publishedDate: release.date }, ""),
  )
  if (!check.valid) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `La publicación OCDS de ${body.ocid} no cumple el esquema: ${check.errors.slice(0, 5).join("; ")}`,
      "OCDS_RELEASE_INVALIDO",
    )
  }
  return { skip: false, ocid: body.ocid, release, data_sha256, redactions: hits }
}
