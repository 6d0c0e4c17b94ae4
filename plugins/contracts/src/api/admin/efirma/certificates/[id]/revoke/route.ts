import { adminRevokeCertificate } from "../../../../../efirma/handlers"

/** Revokes any person's certificate (system administrator). */
export const POST = adminRevokeCertificate
