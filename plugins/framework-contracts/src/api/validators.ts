import { z } from "@medusajs/framework/zod"
import { fieldsSchema, paginationSchema } from "@tienda/organizations/http"

const decimal = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((v) => /^\d{1,12}(\.\d{1,2})?$/.test(v), { message: "importe inválido: usa hasta 2 decimales" })

const Item = z
  .object({
    code: z.string().trim().min(1).max(40),
    name: z.string().trim().min(3).max(300),
    description: z.string().trim().min(3).max(4000),
    unspsc_code: z.string().trim(),
    cog_partida: z.string().trim().nullish(),
    sat_clave_unidad: z.string().trim().min(1).max(5),
    ceiling_price: decimal,
    iva_treatment: z.enum(["tasa_16", "tasa_0", "exento"]).optional(),
    delivery_states: z.array(z.string().length(3)).min(1).max(32),
  })
  .strict()

const Lot = z
  .object({
    number: z.number().int().min(1),
    title: z.string().trim().min(3).max(300),
    competition_threshold: decimal,
    min_invitees: z.number().int().min(1).max(50).optional(),
    bid_window_business_days: z.number().int().min(1).max(60).optional(),
    items: z.array(Item).max(2000),
  })
  .strict()

export const AdminCreateFrameworkContract = z
  .object({
    number: z.string().trim().min(3).max(60),
    title: z.string().trim().min(5).max(300),
    description: z.string().trim().max(4000).nullish(),
    legal_basis: z.string().trim().min(5).max(2000),
    valid_from: z.iso.date(),
    valid_until: z.iso.date(),
    min_amount: decimal,
    max_amount: decimal,
    lots: z.array(Lot).min(1).max(100),
  })
  .strict()
export type AdminCreateFrameworkContractType = z.infer<typeof AdminCreateFrameworkContract>

export const AdminChangeStatus = z.object({ status: z.enum(["published", "suspended", "expired"]) }).strict()
export type AdminChangeStatusType = z.infer<typeof AdminChangeStatus>

export const AdminEnrolSuppliers = z
  .object({
    supplier_ids: z.array(z.string().min(1)).min(1).max(500),
    valid_from: z.iso.date(),
    valid_until: z.iso.date().nullish(),
  })
  .strict()
export type AdminEnrolSuppliersType = z.infer<typeof AdminEnrolSuppliers>

export const AdminEnrolUnits = z.object({ unit_ids: z.array(z.string().min(1)).min(1).max(500) }).strict()
export type AdminEnrolUnitsType = z.infer<typeof AdminEnrolUnits>

export const AdminGetContract = z.object({ as_of: z.iso.datetime({ offset: true }).or(z.iso.date()).optional() }).strict()
export type AdminGetContractType = z.infer<typeof AdminGetContract>

export const AdminListContracts = z
  .object({ ...paginationSchema, ...fieldsSchema, status: z.enum(["draft", "published", "suspended", "expired"]).optional() })
  .strict()
export type AdminListContractsType = z.infer<typeof AdminListContracts>

export const AdminImportCsv = z
  .object({ csv: z.string().min(1).max(20_000_000), version: z.string().trim().min(1).max(40).optional() })
  .strict()
export type AdminImportCsvType = z.infer<typeof AdminImportCsv>

export const AdminSetCrosswalk = z
  .object({ unspsc_code: z.string().trim(), partida: z.string().trim(), partida_title: z.string().trim().min(3).max(300) })
  .strict()
export type AdminSetCrosswalkType = z.infer<typeof AdminSetCrosswalk>

export const AdminListClassifier = z.object({ parent_code: z.string().optional(), q: z.string().trim().max(100).optional() }).strict()
export type AdminListClassifierType = z.infer<typeof AdminListClassifier>

export const AdminListOfferRequests = z
  .object({ ...paginationSchema, status: z.enum(["pending", "approved", "rejected"]).optional() })
  .strict()
export type AdminListOfferRequestsType = z.infer<typeof AdminListOfferRequests>

export const AdminReviewOfferRequest = z
  .object({ decision: z.enum(["approve", "reject"]), reason: z.string().trim().max(2000).nullish() })
  .strict()

const Sanction = z
  .object({
    supplier_rfc: z.string().trim().min(12).max(13),
    supplier_name: z.string().trim().min(3).max(300),
    type: z.string().trim().min(3).max(120),
    authority: z.string().trim().min(2).max(300),
    starts_on: z.iso.date(),
    ends_on: z.iso.date().nullish(),
    reason: z.string().trim().max(2000).nullish(),
  })
  .strict()
export type AdminReviewOfferRequestType = z.infer<typeof AdminReviewOfferRequest>

export const AdminCreateSanctions = z.object({ sanctions: z.array(Sanction).min(1).max(1000) }).strict()
export type AdminCreateSanctionsType = z.infer<typeof AdminCreateSanctions>

export const SupplierSubmitOfferRequest = z
  .object({
    item_id: z.string().min(1),
    price: decimal,
    min_order_qty: z.number().int().min(1).max(100000).default(1),
    delivery_days: z.record(z.string().length(3), z.number().int()),
    stock: z.number().int().min(0).nullish(),
  })
  .strict()
export type SupplierSubmitOfferRequestType = z.infer<typeof SupplierSubmitOfferRequest>

export const StoreListItems = z
  .object({
    ...paginationSchema,
    unspsc: z
      .string()
      .regex(/^\d{2,8}$/)
      .optional(),
    q: z.string().trim().max(100).optional(),
  })
  .strict()
export type StoreListItemsType = z.infer<typeof StoreListItems>

export const Empty = z.object({}).strict()
