import { adminListCertificates } from "../../../efirma/handlers"

/** Every registered e.firma certificate (system administrator). */
export const GET = adminListCertificates
