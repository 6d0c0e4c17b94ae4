import type { X509Certificate } from "node:crypto"
import type { CfdiRuleId } from "./rules"

/** One reason a CFDI is refused: the rule, the field (XPath-like) and why, in Spanish. */
export type CfdiFailure = {
  rule: CfdiRuleId
  /** e.g. "/cfdi:Comprobante/cfdi:Conceptos/cfdi:Concepto[2]/@Cantidad". */
  field: string
  message: string
}

/** A line the CFDI may invoice: what was contracted and received and is not invoiced yet. */
export type ExpectedCfdiLine = {
  /** Our id of the line (order or reception line), for the caller. */
  line_id: string
  /** The concept's NoIdentificacion that identifies this line (the offer's SKU). */
  no_identificacion: string
  /** c_ClaveProdServ of the catalog item (UNSPSC-based, 8 digits). */
  clave_prod_serv: string
  /** Contract unit price before taxes, decimal string in the contract currency. */
  unit_price: string
  /** Received and not yet invoiced, decimal string. */
  receivable_quantity: string
  /** IVA rate of the item (TasaOCuota); "0.160000" when omitted. */
  iva_rate?: string
}

/** How the contract pays: one payment (PUE) or in installments/deferred (PPD). */
export type PaymentPlan = "una_exhibicion" | "parcialidades_o_diferido"

/** The agency's fiscal data as registered with SAT (the CFDI's receptor). */
export type AgencyFiscalData = {
  rfc: string
  /** Legal name exactly as in SAT's records (CFDI 4.0 compares it). */
  nombre: string
  /** Código postal of the fiscal address. */
  domicilio_fiscal: string
  /** c_RegimenFiscal of the agency. */
  regimen_fiscal: string
}

/**
 * What SAT's CFDI status service answered (ConsultaCFDIService, read with
 * @nodecfdi/sat-estado-cfdi), or that it could not be asked.
 */
export type SatStatusAnswer =
  | {
      kind: "answered"
      /** CodigoEstatus starts with "S - ": SAT knows the CFDI. */
      found: boolean
      estado: "Vigente" | "Cancelado" | "No Encontrado"
      /** ValidacionEFOS: the issuer is in the 69-B list (anything but 200). */
      efos_listed: boolean
      es_cancelable: string
      estatus_cancelacion: string
      codigo_estatus: string
    }
  | { kind: "unavailable"; reason: string }

/**
 * Everything the rules compare a CFDI with. The reception/three-way-match
 * phase fills it from real records (supplier, agency, specific contract,
 * receptions, accepted invoices); tests pass explicit contexts.
 */
export type CfdiValidationContext = {
  /** The supplier who must be the issuer. */
  supplier: { rfc: string }
  /** The agency that must be the receptor. */
  agency: AgencyFiscalData
  /** Invoiceable lines; [] skips the concept rules (e.g. a payment complement). */
  expected_lines: ExpectedCfdiLine[]
  /** What is owed for the invoiced part (IVA included); null: not compared. */
  amount_owed: { total: string; currency: string } | null
  /** UUIDs already accepted (any agency, uppercase or not). */
  accepted_uuids: ReadonlySet<string> | readonly string[]
  payment_plan: PaymentPlan
  /** The CFDI type expected: "I" (ingreso, an invoice), "P" (pago) or "E" (egreso, a nota de crédito). */
  expected_type?: "I" | "P" | "E"
  /**
   * Certificates of the stamping authority (SAT/PAC), base64 DER, by
   * NoCertificadoSAT. The async adapter fills it from SAT's certificate
   * repository.
   */
  stamp_certificates: Record<string, string>
  /**
   * Trusted certification authorities (SAT's CAs; the project's test CA in
   * development). When given, the CSD and the stamp certificate must chain
   * to one of them.
   */
  trusted_authorities?: readonly X509Certificate[]
  /** SAT's answer for this CFDI; null or omitted: not asked (the rule is skipped). */
  sat_status?: SatStatusAnswer | null
}

/** What the engine read from a CFDI (for the caller to record). */
export type CfdiSummary = {
  uuid: string | null
  version: string | null
  tipo: string | null
  serie: string | null
  folio: string | null
  fecha: string | null
  emisor_rfc: string | null
  emisor_nombre: string | null
  receptor_rfc: string | null
  subtotal: string | null
  total: string | null
  moneda: string | null
  metodo_pago: string | null
  forma_pago: string | null
  /** The last 8 characters of the Sello (the "fe" of SAT's expression). */
  sello_ultimos_8: string | null
}

export type CfdiValidationResult = {
  /** No failures. */
  valid: boolean
  /** Every failure found, in document order within each rule group. */
  failures: CfdiFailure[]
  /** Only transient failures (SAT could not be asked): retry later. */
  retryable: boolean
  summary: CfdiSummary | null
  /** The cadena original computed with SAT's XSLT, when the XML could be read. */
  cadena_original: string | null
}
