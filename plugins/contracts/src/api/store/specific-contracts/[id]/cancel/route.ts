import { cancelContract } from "../../../../specific-contracts/handlers"

/** POST /store/specific-contracts/:id/cancel — cancel a contract not yet in force. */
export const POST = cancelContract
