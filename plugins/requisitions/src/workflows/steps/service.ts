import type { MedusaContainer } from "@medusajs/framework/types"
import { REQUISITION_MODULE } from "../../modules/requisition"
import type RequisitionModuleService from "../../modules/requisition/service"

export const rq = (container: MedusaContainer) => container.resolve<RequisitionModuleService>(REQUISITION_MODULE)

export { invalid, notFound } from "../../requisitions/errors"

/** Decimal strings go to bigNumber columns as-is (exact); the typings only say number. */
export const dec = (value: string | null): number => value as unknown as number
