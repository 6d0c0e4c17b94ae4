import { verifyOwnSignature } from "../../../../efirma/handlers"

/** Dry-run verification of a payload signed by the caller. */
export const POST = verifyOwnSignature
