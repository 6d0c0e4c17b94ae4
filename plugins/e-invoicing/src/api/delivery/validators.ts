import { z } from "@medusajs/framework/zod"

const qty = z.number().int().min(0).max(1_000_000)

export const SupplierRecordShipment = z
  .object({
    /** The supplier's delivery note (remisión) number. */
    delivery_note: z.string().trim().min(1).max(120),
    lines: z
      .array(z.object({ contract_line: z.number().int().min(1), quantity: z.number().int().min(1).max(1_000_000) }).strict())
      .min(1)
      .max(200),
  })
  .strict()
export type SupplierRecordShipmentType = z.infer<typeof SupplierRecordShipment>

export const StoreRecordReception = z
  .object({
    shipment_id: z.string().trim().min(1).max(64),
    notes: z.string().trim().max(2000).optional(),
    lines: z
      .array(
        z
          .object({
            contract_line: z.number().int().min(1),
            accepted_quantity: qty,
            rejected_quantity: qty,
            notes: z.string().trim().max(2000).optional(),
            /** Serial numbers or asset tags of durable goods. */
            serials: z.array(z.string().trim().min(1).max(100)).max(1000).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(200),
  })
  .strict()
export type StoreRecordReceptionType = z.infer<typeof StoreRecordReception>

export const StoreListShipments = z
  .object({
    status: z.enum(["pending_reception", "received"]).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type StoreListShipmentsType = z.infer<typeof StoreListShipments>
