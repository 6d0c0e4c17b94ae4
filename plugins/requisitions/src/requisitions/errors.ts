import { MedusaError } from "@medusajs/framework/utils"

/** Refuses with a stable code first, then the Spanish message (docs/conventions.md, errors). */
export function invalid(code: string, message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message, code)
}
