import { PRINT_CSS } from "./styles"

export const SPECIFIC_CONTRACT_TEMPLATE_CODE = "contrato_especifico"

/**
 * Default es-MX template v1: "contrato específico derivado de contrato
 * marco". Handlebars, HTML-escaped output only (no triple-stash). The PDF
 * is laid out from the rendered HTML (h1–h3, p, table, br, strong).
 */
export const SPECIFIC_CONTRACT_TEMPLATE_V1 = `<!DOCTYPE html>
<html lang="es-MX">
<head>
<meta charset="utf-8">
<title>Contrato específico {{number}}</title>
<style>${PRINT_CSS}</style>
</head>
<body>
<p class="center small">TIENDA DIGITAL DEL GOBIERNO FEDERAL · CONTRATO ESPECÍFICO DERIVADO DE CONTRATO MARCO</p>
<h1>CONTRATO ESPECÍFICO NÚMERO {{number}}</h1>
<p>CONTRATO ESPECÍFICO PARA LA ADQUISICIÓN DE BIENES, DERIVADO DEL CONTRATO MARCO {{framework_contract.number}} «{{upper framework_contract.title}}», QUE CELEBRAN POR UNA PARTE {{upper agency.legal_name}}, EN LO SUCESIVO «LA DEPENDENCIA», REPRESENTADA POR {{upper agency.representative.full_name}}, EN SU CARÁCTER DE {{upper agency.representative.position}}, Y POR LA OTRA {{upper supplier.legal_name}}, EN LO SUCESIVO «EL PROVEEDOR», REPRESENTADO POR {{upper supplier.representative.full_name}}, EN SU CARÁCTER DE {{upper supplier.representative.position}}, A QUIENES EN CONJUNTO SE LES DENOMINARÁ «LAS PARTES», AL TENOR DE LAS SIGUIENTES DECLARACIONES Y CLÁUSULAS:</p>

<h2>DECLARACIONES</h2>
<h3>I. Declara «LA DEPENDENCIA», por conducto de su representante, que:</h3>
<p>I.1. Es {{#if agency.agency_type}}una {{agency.agency_type}}{{else}}un ente público{{/if}} de la Administración Pública Federal, con Registro Federal de Contribuyentes {{agency.rfc}} y domicilio fiscal en {{agency.fiscal_address}}, que señala para los fines y efectos legales de este contrato.</p>
<p>I.2. Su representante, {{agency.representative.full_name}} (RFC {{agency.representative.rfc}}), cuenta con las facultades necesarias para suscribir el presente contrato por conducto de la {{agency.unit.name}} ({{agency.unit.code}}).</p>
<p>I.3. Se encuentra adherida al Contrato Marco {{framework_contract.number}} «{{framework_contract.title}}», celebrado con fundamento en {{framework_contract.legal_basis}}, y adquiere los bienes objeto de este contrato a través de la Tienda Digital del Gobierno Federal.</p>
<p>I.4. Cuenta con recursos suficientes y disponibles para cubrir el compromiso derivado del presente contrato en la clave presupuestaria {{budget.clave}}, partida específica {{budget.partida}}, del ejercicio fiscal {{budget.fiscal_year}}.</p>
<h3>II. Declara «EL PROVEEDOR», por conducto de su representante, que:</h3>
<p>II.1. Es {{supplier.legal_name}}, con Registro Federal de Contribuyentes {{supplier.rfc}} y domicilio fiscal en {{supplier.fiscal_address}}.</p>
<p>II.2. Su representante, {{supplier.representative.full_name}} (RFC {{supplier.representative.rfc}}), cuenta con las facultades suficientes para obligarlo en los términos de este contrato.</p>
<p>II.3. Está adherido al Contrato Marco {{framework_contract.number}}, sus precios no rebasan los precios máximos de referencia vigentes y no se encuentra en alguno de los supuestos de los artículos 50 y 60 de la Ley de Adquisiciones, Arrendamientos y Servicios del Sector Público.</p>
<h3>III. Declaran «LAS PARTES» que:</h3>
<p>III.1. El presente contrato se celebra con fundamento en los artículos 134 de la Constitución Política de los Estados Unidos Mexicanos; 17, 41, fracción XX, 45 y 46 de la Ley de Adquisiciones, Arrendamientos y Servicios del Sector Público (LAASSP); 14 de su Reglamento, y en las condiciones del Contrato Marco {{framework_contract.number}}.</p>
<p>III.2. Reconocen la firma electrónica avanzada (e.firma) emitida por el Servicio de Administración Tributaria como medio de suscripción del presente contrato, con los mismos efectos que la firma autógrafa.</p>

<h2>CLÁUSULAS</h2>
<p><strong>PRIMERA. Objeto.</strong> «EL PROVEEDOR» se obliga a entregar a «LA DEPENDENCIA» los bienes que se describen a continuación, con las especificaciones del Contrato Marco {{framework_contract.number}}:</p>
<table class="partidas">
<thead><tr><th data-w="0.5">Part.</th><th data-w="3.4">Descripción</th><th data-w="1">UNSPSC</th><th data-w="1.1">Unidad (c_ClaveUnidad)</th><th class="num" data-w="0.8">Cantidad</th><th class="num" data-w="1.1">Precio unitario</th><th class="num" data-w="1.2">Importe</th><th data-w="1.2">Entrega</th></tr></thead>
<tbody>
{{#each lines}}<tr><td>{{line}}</td><td>{{description}} (clave {{item_code}}; partida {{cog_partida}})</td><td>{{unspsc_code}}</td><td>{{sat_clave_unidad}} {{unit_name}}</td><td class="num">{{quantity}}</td><td class="num">{{money unit_price}}</td><td class="num">{{money subtotal}}</td><td>{{#if delivery_date}}{{fecha delivery_date}}{{else}}{{delivery_days}} días naturales{{/if}}</td></tr>
{{/each}}</tbody>
</table>
<p><strong>SEGUNDA. Monto.</strong> El monto del presente contrato es de {{money totals.subtotal}} antes del Impuesto al Valor Agregado; el IVA asciende a {{money totals.iva}}, calculado por partida a la tasa que corresponde a cada bien y redondeado al centavo, para un monto total de {{money totals.total}} ({{totals.total_in_words}}). Los precios son fijos durante la vigencia del contrato.</p>
<table class="totales">
<tbody>
<tr><td>Subtotal</td><td class="num">{{money totals.subtotal}}</td></tr>
<tr><td>Impuesto al Valor Agregado</td><td class="num">{{money totals.iva}}</td></tr>
<tr><td><strong>Total ({{totals.currency}})</strong></td><td class="num"><strong>{{money totals.total}}</strong></td></tr>
</tbody>
</table>
<p><strong>TERCERA. Plazo, lugar y condiciones de entrega.</strong> «EL PROVEEDOR» entregará los bienes en {{delivery.place}}, {{#if delivery.date}}a más tardar el {{fecha delivery.date}}{{else}}en los plazos indicados por partida en la cláusula primera, contados a partir de la entrada en vigor del contrato{{/if}}, libres de maniobras, fletes y seguros para «LA DEPENDENCIA». La recepción se hará constar por el área de almacén; los bienes que no cumplan las especificaciones se tendrán por no entregados.</p>
<p><strong>CUARTA. Forma de pago.</strong> «LA DEPENDENCIA» pagará en moneda nacional, mediante transferencia electrónica, dentro de los {{payment_days}} días naturales posteriores a la aceptación del Comprobante Fiscal Digital por Internet (CFDI) y a la recepción a entera satisfacción de los bienes, conforme al artículo 51 de la LAASSP. El pago se hará {{plan_pago payment_plan}}.</p>
<p><strong>QUINTA. Penas convencionales.</strong> Por atraso en la entrega, «EL PROVEEDOR» pagará una pena convencional del {{pct penalties.rate_per_day_percent}} por cada día natural de atraso sobre el valor, sin IVA, de los bienes no entregados oportunamente, hasta un máximo del {{pct penalties.cap_percent}} del monto del contrato sin IVA, conforme a los artículos 53 de la LAASSP y 95 y 96 de su Reglamento. Alcanzado el máximo, «LA DEPENDENCIA» podrá iniciar la rescisión administrativa prevista en el artículo 54 de la LAASSP.</p>
<p><strong>SEXTA. Modificaciones.</strong> Cualquier modificación se hará mediante convenio modificatorio suscrito por «LAS PARTES» con e.firma; el monto total de las modificaciones no rebasará, en conjunto, el veinte por ciento del monto establecido originalmente, y los precios se mantendrán, conforme al artículo 52 de la LAASSP.</p>
<p><strong>SÉPTIMA. Firma electrónica y entrada en vigor.</strong> El presente contrato entra en vigor cuando ambas partes lo han firmado con e.firma y ambas firmas han sido verificadas por la Tienda Digital. Cada firma se aplica a la huella SHA-256 del documento, que incluye la de estos datos: {{data_sha256}}.</p>
<p><strong>OCTAVA. Jurisdicción.</strong> Para la interpretación y cumplimiento de este contrato «LAS PARTES» se someten a la jurisdicción de los tribunales federales con sede en la Ciudad de México, renunciando a cualquier otro fuero que pudiera corresponderles.</p>
<p>Leído que fue el presente contrato y enteradas las partes de su contenido y alcance, lo firman electrónicamente en {{issued_place}}, el {{fecha issued_on}}.</p>
<table class="firmas">
<tbody><tr>
<td><strong>POR «LA DEPENDENCIA»</strong><br>{{agency.representative.full_name}}<br>{{agency.representative.position}}<br>RFC {{agency.representative.rfc}}<br>Firma electrónica avanzada (e.firma)</td>
<td><strong>POR «EL PROVEEDOR»</strong><br>{{supplier.representative.full_name}}<br>{{supplier.representative.position}}<br>RFC {{supplier.representative.rfc}}<br>Firma electrónica avanzada (e.firma)</td>
</tr></tbody>
</table>
<footer><p class="small">Contrato {{number}} · Plantilla {{template.code}} v{{template.version}} · Huella SHA-256 de los datos: {{data_sha256}}</p></footer>
</body>
</html>
`
