import { createAmendment } from "../../../../specific-contracts/handlers"

/** POST /store/specific-contracts/:id/amendments — a convenio modificatorio (Contract Administrator). */
export const POST = createAmendment
