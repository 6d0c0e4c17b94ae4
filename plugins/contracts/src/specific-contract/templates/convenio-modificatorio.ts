import { PRINT_CSS } from "./styles"

export const AMENDMENT_TEMPLATE_CODE = "convenio_modificatorio"

/** Default es-MX template v1 of a convenio modificatorio (LAASSP art. 52). */
export const AMENDMENT_TEMPLATE_V1 = `<!DOCTYPE html>
<html lang="es-MX">
<head>
<meta charset="utf-8">
<title>Convenio modificatorio {{number}}</title>
<style>${PRINT_CSS}</style>
</head>
<body>
<p class="center small">TIENDA DIGITAL DEL GOBIERNO FEDERAL · CONVENIO MODIFICATORIO</p>
<h1>CONVENIO MODIFICATORIO NÚMERO {{number}}</h1>
<p>CONVENIO MODIFICATORIO NÚMERO {{amendment.sequence}} AL CONTRATO ESPECÍFICO {{amendment.parent_number}}, DERIVADO DEL CONTRATO MARCO {{framework_contract.number}}, QUE CELEBRAN POR UNA PARTE {{upper agency.legal_name}}, EN LO SUCESIVO «LA DEPENDENCIA», REPRESENTADA POR {{upper agency.representative.full_name}}, Y POR LA OTRA {{upper supplier.legal_name}}, EN LO SUCESIVO «EL PROVEEDOR», REPRESENTADO POR {{upper supplier.representative.full_name}}, AL TENOR DE LAS SIGUIENTES DECLARACIONES Y CLÁUSULAS:</p>

<h2>DECLARACIONES</h2>
<p>I. «LAS PARTES» celebraron el contrato específico {{amendment.parent_number}}, cuyas declaraciones se tienen aquí por reproducidas.</p>
<p>II. «LA DEPENDENCIA» justifica la modificación en lo siguiente: {{amendment.reason}}.</p>
<p>III. La modificación se realiza con fundamento en el artículo 52 de la Ley de Adquisiciones, Arrendamientos y Servicios del Sector Público y 91 de su Reglamento; el monto resultante varía {{pct amendment.change_percent}} respecto del monto original de {{money amendment.original_subtotal}} sin IVA, dentro del veinte por ciento permitido, y se mantienen los precios pactados.</p>
<p>IV. «LA DEPENDENCIA» cuenta con recursos suficientes en la clave presupuestaria {{budget.clave}}, partida específica {{budget.partida}}, del ejercicio fiscal {{budget.fiscal_year}}.</p>

<h2>CLÁUSULAS</h2>
<p><strong>PRIMERA. Modificaciones.</strong> Se modifican las partidas del contrato específico {{amendment.parent_number}} como sigue:</p>
<table class="cambios">
<thead><tr><th data-w="0.5">Part.</th><th data-w="3.4">Descripción</th><th data-w="1.2">Concepto</th><th data-w="1.3">Dice</th><th data-w="1.3">Debe decir</th></tr></thead>
<tbody>
{{#each amendment.changes}}<tr><td>{{line}}</td><td>{{description}}</td><td>{{field}}</td><td>{{from}}</td><td>{{to}}</td></tr>
{{/each}}</tbody>
</table>
<p><strong>SEGUNDA. Partidas y monto modificados.</strong> En consecuencia, las partidas y el monto del contrato quedan como sigue:</p>
<table class="partidas">
<thead><tr><th data-w="0.5">Part.</th><th data-w="3.4">Descripción</th><th data-w="1">UNSPSC</th><th data-w="1.1">Unidad (c_ClaveUnidad)</th><th class="num" data-w="0.8">Cantidad</th><th class="num" data-w="1.1">Precio unitario</th><th class="num" data-w="1.2">Importe</th><th data-w="1.2">Entrega</th></tr></thead>
<tbody>
{{#each lines}}<tr><td>{{line}}</td><td>{{description}} (clave {{item_code}})</td><td>{{unspsc_code}}</td><td>{{sat_clave_unidad}} {{unit_name}}</td><td class="num">{{quantity}}</td><td class="num">{{money unit_price}}</td><td class="num">{{money subtotal}}</td><td>{{#if delivery_date}}{{fecha delivery_date}}{{else}}{{delivery_days}} días naturales{{/if}}</td></tr>
{{/each}}</tbody>
</table>
<table class="totales">
<tbody>
<tr><td>Subtotal</td><td class="num">{{money totals.subtotal}}</td></tr>
<tr><td>Impuesto al Valor Agregado</td><td class="num">{{money totals.iva}}</td></tr>
<tr><td><strong>Total ({{totals.currency}})</strong></td><td class="num"><strong>{{money totals.total}}</strong></td></tr>
</tbody>
</table>
<p>El monto total modificado es de {{money totals.total}} ({{totals.total_in_words}}), IVA incluido, calculado por partida.</p>
<p><strong>TERCERA. Subsistencia.</strong> Salvo lo expresamente modificado en este convenio, subsisten en sus términos todas las cláusulas del contrato específico {{amendment.parent_number}}, incluidas las penas convencionales del {{pct penalties.rate_per_day_percent}} por día natural de atraso con tope del {{pct penalties.cap_percent}}.</p>
<p><strong>CUARTA. Firma electrónica y entrada en vigor.</strong> Este convenio entra en vigor cuando ambas partes lo han firmado con e.firma y ambas firmas han sido verificadas. Huella SHA-256 de los datos: {{data_sha256}}.</p>
<p>Lo firman electrónicamente en {{issued_place}}, el {{fecha issued_on}}.</p>
<table class="firmas">
<tbody><tr>
<td><strong>POR «LA DEPENDENCIA»</strong><br>{{agency.representative.full_name}}<br>{{agency.representative.position}}<br>RFC {{agency.representative.rfc}}<br>Firma electrónica avanzada (e.firma)</td>
<td><strong>POR «EL PROVEEDOR»</strong><br>{{supplier.representative.full_name}}<br>{{supplier.representative.position}}<br>RFC {{supplier.representative.rfc}}<br>Firma electrónica avanzada (e.firma)</td>
</tr></tbody>
</table>
<footer><p class="small">Convenio {{number}} · Plantilla {{template.code}} v{{template.version}} · Huella SHA-256 de los datos: {{data_sha256}}</p></footer>
</body>
</html>
`
