import { revokeOwnCertificate } from "../../../../../../efirma/handlers"

/** Revokes one of the caller's certificates. */
export const POST = revokeOwnCertificate
