import { model } from "@medusajs/framework/utils"
import Unit from "./unit"
import Person from "./person"

/**
 * A legal entity taking part in the store: SHCP itself, a buying agency
 * (dependencia or entidad) or a supplier. Fiscal data follows SAT catalogs
 * (c_RegimenFiscal, c_CodigoPostal) because it ends up in CFDI and contracts.
 */
const Organization = model
  .define("organization", {
    id: model.id({ prefix: "org" }).primaryKey(),
    kind: model.enum(["shcp", "agency", "supplier", "civil_society"]),
    rfc: model.text().searchable(),
    legal_name: model.text().searchable(),
    short_name: model.text().nullable(),
    regimen_fiscal: model.text(),
    codigo_postal: model.text(),
    state_code: model.text().nullable(),
    ramo: model.text().nullable(),
    agency_type: model.enum(["dependencia", "entidad", "organo_desconcentrado"]).nullable(),
    sme_size: model.enum(["micro", "pequena", "mediana", "grande"]).nullable(),
    email: model.text().nullable(),
    phone: model.text().nullable(),
    /**
     * Agencies only: the agency pays from its own resources (recursos
     * propios, e.g. a self-financed entity) rather than through the
     * Treasury's CLC/SIAFF; with Stripe configured its supplier payments go
     * through Medusa's Stripe provider.
     */
    own_resources: model.boolean().default(false),
    is_active: model.boolean().default(true),
    units: model.hasMany(() => Unit, { mappedBy: "organization" }),
    people: model.hasMany(() => Person, { mappedBy: "organization" }),
    metadata: model.json().nullable(),
  })
  .indexes([{ on: ["rfc"], unique: true, where: "deleted_at IS NULL" }, { on: ["kind"] }])

export default Organization
