import { cancelSpecificContractWorkflow, signSpecificContractWorkflow } from "@tienda/contracts/workflows"
import { onContractCancelled, onContractInForce } from "@tienda/requisitions/workflows"

/**
 * The contracts plugin (layer 1) cannot import the requisitions plugin
 * (layer 2); the app joins them here (ARCHITECTURE §3: hooks are composed in
 * the app). Entry into force commits the budget and releases the order;
 * cancellation before signature releases the reservation's share.
 */
signSpecificContractWorkflow.hooks.contractInForce(onContractInForce)
cancelSpecificContractWorkflow.hooks.contractCancelled(onContractCancelled)
