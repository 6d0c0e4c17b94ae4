import { defineLink } from "@medusajs/framework/utils"
import SpecificContractModule from "@tienda/contracts/modules/specific-contract"
import MiniCompetitionModule from "../modules/mini_competition"

/** The specific contract drawn from a competition's confirmed award (the winner's contract). */
export default defineLink(MiniCompetitionModule.linkable.competition, {
  linkable: SpecificContractModule.linkable.specificContract,
  isList: true,
})
