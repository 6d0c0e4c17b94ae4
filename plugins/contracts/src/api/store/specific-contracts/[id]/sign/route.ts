import { signContract } from "../../../../specific-contracts/handlers"

/** POST /store/specific-contracts/:id/sign — the agency's designated signer signs with e.firma. */
export const POST = signContract("agency")
