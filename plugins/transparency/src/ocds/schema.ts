import { MedusaError } from "@medusajs/framework/utils"
import Ajv from "ajv"
import { existsSync, readFileSync } from "node:fs"
import { dirname, join } from "node:path"

/**
 * The official OCDS 1.1.5 package schemas (copied unchanged into
 * `plugins/transparency/schema/ocds-1.1.5/` from the standard), compiled
 * once with ajv (draft-04). Extensions are declared in each package but
 * their schemas are not loaded: the core schema allows their fields, and
 * the core fields are checked (docs/transparency.md, what is not done).
 */
function schemaDir(): string {
  let dir = __dirname
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, "schema", "ocds-1.1.5")
    if (existsSync(join(candidate, "release-schema.json"))) {
      return candidate
    }
    dir = dirname(dir)
  }
  throw new MedusaError(
    MedusaError.Types.UNEXPECTED_STATE,
    "No se encuentran los esquemas OCDS (plugins/transparency/schema/ocds-1.1.5).",
    "OCDS_ESQUEMAS_NO_ENCONTRADOS",
  )
}

const read = (name: string) => JSON.parse(readFileSync(join(schemaDir(), name), "utf8")) as Record<string, unknown>

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null }

let compiled: { releasePackage: Validate; recordPackage: Validate } | null = null

function validators() {
  if (!compiled) {
    // the record schema refers to a versioned-release schema the standard ships separately; records
    // are published without `versionedRelease`, so that reference is never reached
    const ajv = new Ajv({ schemaId: "id", meta: false, missingRefs: "ignore", logger: false, allErrors: true, unknownFormats: "ignore" })
    ajv.addMetaSchema(require("ajv/lib/refs/json-schema-draft-04.json"))
    ajv.addSchema(read("release-schema.json"))
    ajv.addSchema(read("record-schema.json"))
    compiled = {
      releasePackage: ajv.compile(read("release-package-schema.json")) as Validate,
      recordPackage: ajv.compile(read("record-package-schema.json")) as Validate,
    }
  }
  return compiled
}

export type SchemaCheck = { valid: boolean; errors: string[] }

function check(v: Validate, data: unknown): SchemaCheck {
  const valid = v(data)
  const errors = ((v.errors ?? []) as { dataPath?: string; message?: string }[]).map((e) =>
    `${e.dataPath || "$"} ${e.message ?? ""}`.trim(),
  )
  return { valid, errors: valid ? [] : errors }
}

/** Checks a release package against the official release package schema. */
export function validateReleasePackage(pkg: unknown): SchemaCheck {
  return check(validators().releasePackage, pkg)
}

/** Checks a record package against the official record package schema. */
export function validateRecordPackage(pkg: unknown): SchemaCheck {
  return check(validators().recordPackage, pkg)
}
