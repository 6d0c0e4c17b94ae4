import { PRINT_CSS } from "@tienda/contracts/specific-contract/templates/styles"

export const ACTA_TEMPLATE_CODE = "acta_entrega_recepcion"

/**
 * The acta de entrega-recepción, es-MX, v1. Handlebars with the contracts'
 * isolated environment (HTML-escaped output only; helpers money, fecha,
 * upper, pct). The PDF is laid out from this HTML as the contracts' are
 * (h1–h3, p, table, strong). A change of wording is a new version: actas
 * already generated keep the version they name.
 */
export const ACTA_TEMPLATE_V1 = `<!DOCTYPE html>
<html lang="es-MX">
<head>
<meta charset="utf-8">
<title>Acta de entrega-recepción {{folio}}</title>
<style>${PRINT_CSS}</style>
</head>
<body>
<p class="center small">TIENDA DIGITAL DEL GOBIERNO FEDERAL · ACTA DE ENTREGA-RECEPCIÓN DE BIENES</p>
<h1>ACTA DE ENTREGA-RECEPCIÓN {{folio}}</h1>
<p>En {{place}}, el {{fecha received_on}}, {{upper agency.legal_name}} (RFC {{agency.rfc}}){{#if agency.unit}}, por conducto de {{agency.unit}}{{/if}}, en lo sucesivo «LA DEPENDENCIA», hace constar la recepción de los bienes que {{upper supplier.legal_name}} (RFC {{supplier.rfc}}), en lo sucesivo «EL PROVEEDOR», entregó al amparo del contrato específico {{contract_number}}, según la remisión {{delivery_note}}, conforme a los artículos 51 y 84 del Reglamento de la Ley de Adquisiciones, Arrendamientos y Servicios del Sector Público.</p>
<h2>BIENES ENTREGADOS Y RECIBIDOS</h2>
<table class="partidas">
<thead><tr><th data-w="0.5">Part.</th><th data-w="3.2">Descripción</th><th class="num" data-w="0.9">Enviado</th><th class="num" data-w="0.9">Aceptado</th><th class="num" data-w="0.9">Rechazado</th><th data-w="2.4">Observaciones y números de serie</th></tr></thead>
<tbody>
{{#each lines}}<tr><td>{{contract_line}}</td><td>{{description}} (clave {{item_code}})</td><td class="num">{{shipped_quantity}}</td><td class="num">{{accepted_quantity}}</td><td class="num">{{rejected_quantity}}</td><td>{{#if notes}}{{notes}}{{/if}}{{#if serials}} Series: {{serials}}{{/if}}</td></tr>
{{/each}}</tbody>
</table>
<p><strong>Resultado.</strong> {{outcome_text}}{{#if notes}} Observaciones generales: {{notes}}{{/if}}</p>
<p><strong>Plazo de entrega y pena convencional.</strong> {{#if penalty.days_late}}La entrega se realizó con {{penalty.days_late}} días naturales de atraso; conforme al contrato ({{pct penalty.rate_per_day_percent}} por día sobre el valor sin IVA de los bienes entregados con atraso, hasta el {{pct penalty.cap_percent}} del monto del contrato), la pena convencional es de {{money penalty.amount}}, que se deducirá del pago (artículo 53 de la LAASSP; artículos 95 y 96 de su Reglamento).{{else}}La entrega se realizó dentro del plazo pactado; no procede pena convencional.{{/if}}</p>
<p>Los bienes rechazados se tienen por no entregados y «EL PROVEEDOR» deberá reponerlos. La recepción a entera satisfacción de los bienes aceptados permite a «EL PROVEEDOR» presentar el CFDI correspondiente.</p>
<p>La presente acta se firma con la firma electrónica avanzada (e.firma) de quien recibe, sobre la huella SHA-256 del documento, que incluye la de estos datos: {{data_sha256}}.</p>
<table class="firmas">
<tbody><tr><td>Recibe por «LA DEPENDENCIA»<br>{{received_by.full_name}}<br>RFC {{received_by.rfc}}<br>Responsable de la recepción</td></tr></tbody>
</table>
</body>
</html>
`

/** Every version of the template, oldest first; new actas use the last. */
export const ACTA_TEMPLATES = [{ code: ACTA_TEMPLATE_CODE, version: 1, body: ACTA_TEMPLATE_V1 }] as const

export const currentActaTemplate = () => ACTA_TEMPLATES[ACTA_TEMPLATES.length - 1]

export function actaTemplate(version: number) {
  return ACTA_TEMPLATES.find((t) => t.version === version) ?? null
}
