import { createHash } from "node:crypto"
import { canonicalJson } from "./canonical-json"

/** Lower-case hex SHA-256 of a UTF-8 string or bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex")
}

/** SHA-256 (hex) of the canonical JSON of a value. */
export function digestOf(value: unknown): string {
  return sha256Hex(canonicalJson(value))
}
