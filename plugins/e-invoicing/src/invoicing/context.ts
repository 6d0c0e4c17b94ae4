import type { X509Certificate } from "node:crypto"
import { parseCfdi } from "../cfdi/document"
import { D } from "../cfdi/money"
import type { CfdiValidationContext, ExpectedCfdiLine, PaymentPlan } from "../cfdi/types"
import { IVA_RATE_OF, lineOwed, type ContractLineTerms } from "../delivery/rules"

export type LineTally = { ordered: number; shipped: number; accepted: number; rejected: number; invoiced: number }

/**
 * The CfdiValidationContext of an invoice for an order, from its records:
 * the supplier (issuer), the agency's SAT fiscal data (receptor), the
 * contract lines with units received and not yet invoiced (NoIdentificacion
 * = the framework item's code, ClaveProdServ = its UNSPSC-based code, the
 * contract's unit price and IVA rate), what those units are worth with IVA
 * per concept (the CFDI must invoice exactly them), and every UUID accepted
 * before in any agency.
 */
export function invoiceContext(input: {
  supplier_rfc: string
  agency: { rfc: string; legal_name: string; codigo_postal: string; regimen_fiscal: string }
  lines: ContractLineTerms[]
  tally: Record<number, LineTally>
  accepted_uuids: string[]
  payment_plan: PaymentPlan
  trusted_authorities?: X509Certificate[]
}): CfdiValidationContext {
  const expected: ExpectedCfdiLine[] = []
  let total = new D(0)
  for (const l of input.lines) {
    const t = input.tally[l.line]
    const receivable = t ? t.accepted - t.invoiced : 0
    if (receivable <= 0) {
      continue
    }
    const rate = IVA_RATE_OF[l.iva_treatment] ?? "0.160000"
    expected.push({
      line_id: String(l.line),
      no_identificacion: l.item_code,
      clave_prod_serv: l.unspsc_code,
      unit_price: l.unit_price,
      receivable_quantity: String(receivable),
      iva_rate: rate,
    })
    total = total.plus(lineOwed(l.unit_price, receivable, rate).total)
  }
  return {
    supplier: { rfc: input.supplier_rfc },
    agency: {
      rfc: input.agency.rfc,
      nombre: input.agency.legal_name,
      domicilio_fiscal: input.agency.codigo_postal,
      regimen_fiscal: input.agency.regimen_fiscal,
    },
    expected_lines: expected,
    amount_owed: { total: total.toFixed(2), currency: "MXN" },
    accepted_uuids: input.accepted_uuids,
    payment_plan: input.payment_plan,
    expected_type: "I",
    stamp_certificates: {},
    trusted_authorities: input.trusted_authorities,
  }
}

export type InvoicedLine = { contract_line: number; quantity: number; unit_price: string; subtotal: string; iva: string }

/** The contract lines and quantities a (valid) CFDI invoices, by its concepts' NoIdentificacion. */
export function invoicedLines(xml: string, lines: ContractLineTerms[]): InvoicedLine[] {
  const parsed = parseCfdi(xml)
  if (!parsed.ok) {
    return []
  }
  const out: InvoicedLine[] = []
  for (const c of parsed.model.conceptos) {
    const line = lines.find((l) => l.item_code === c.attrs.NoIdentificacion)
    if (!line) {
      continue
    }
    const iva = c.traslados.reduce((a, t) => a.plus(t.attrs.Importe ?? "0"), new D(0))
    const prev = out.find((o) => o.contract_line === line.line)
    const quantity = Number(c.attrs.Cantidad)
    if (prev) {
      prev.quantity += quantity
      prev.subtotal = new D(prev.subtotal).plus(c.attrs.Importe).toFixed(2)
      prev.iva = new D(prev.iva).plus(iva).toFixed(2)
    } else {
      out.push({
        contract_line: line.line,
        quantity,
        unit_price: line.unit_price,
        subtotal: new D(c.attrs.Importe).toFixed(2),
        iva: iva.toFixed(2),
      })
    }
  }
  return out
}
