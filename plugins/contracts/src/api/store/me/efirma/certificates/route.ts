import { listOwnCertificates, registerOwnCertificate } from "../../../../efirma/handlers"

/** The caller's e.firma certificates: list (GET) and register a `.cer` (POST). */
export const GET = listOwnCertificates
export const POST = registerOwnCertificate
