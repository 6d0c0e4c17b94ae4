import { signContract } from "../../../../specific-contracts/handlers"

/** POST /supplier/specific-contracts/:id/sign — the supplier's representative signs with e.firma. */
export const POST = signContract("supplier")
