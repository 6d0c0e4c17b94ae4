import { Module } from "@medusajs/framework/utils"
import MiniCompetitionModuleService from "./service"

export const MINI_COMPETITION_MODULE = "mini_competition"

export default Module(MINI_COMPETITION_MODULE, { service: MiniCompetitionModuleService })
