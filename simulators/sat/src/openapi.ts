const faultHeader = {
  name: "X-Fault",
  in: "header",
  required: false,
  schema: { type: "string" },
  description:
    "Fault injection: 500, 500-after, timeout, garbage, not-found, latency=<ms>, hang=<ms>, rate500=<p>, ratetimeout=<p>, rategarbage=<p>, ratenotfound=<p>",
}
const error = {
  description: "Error",
  content: { "application/json": { schema: { type: "object", properties: { code: { type: "string" }, message: { type: "string" } } } } },
}

/** OpenAPI 3.0 description of the SAT simulator. */
export const openapi = {
  openapi: "3.0.3",
  info: {
    title: "SAT simulator",
    version: "0.1.0",
    description:
      "Plays SAT for development, tests and demos: the CFDI status service (SOAP 1.1 ConsultaCFDIService/Consulta, the protocol of SAT's consultaqr service that @nodecfdi/sat-estado-cfdi consumes), the EFOS list of art. 69-B CFF, SAT's certificate repository and a test PAC that stamps CFDI 4.0 with a TimbreFiscalDigital 1.1 signed by a certificate of the project's test CA. Never use its certificates for real invoices.",
  },
  paths: {
    "/health": { get: { summary: "Liveness", responses: { "200": { description: "ok" } } } },
    "/ConsultaCFDIService.svc": {
      post: {
        summary: "SOAP Consulta: state of a CFDI by its printed expression (?re=&rr=&tt=&id=&fe=)",
        parameters: [
          faultHeader,
          { name: "SOAPAction", in: "header", schema: { type: "string", example: "http://tempuri.org/IConsultaCFDIService/Consulta" } },
        ],
        requestBody: {
          required: true,
          content: { "text/xml": { schema: { type: "string", description: "s:Envelope/s:Body/tem:Consulta/tem:expresionImpresa" } } },
        },
        responses: {
          "200": {
            description:
              "ConsultaResponse/ConsultaResult: CodigoEstatus (S - … / N - 602 …), Estado (Vigente, Cancelado, No Encontrado), EsCancelable, EstatusCancelacion, ValidacionEFOS (200 = not listed, 100 = listed)",
            content: { "text/xml": { schema: { type: "string" } } },
          },
          "400": { description: "s:Fault (s:Client): not a Consulta request" },
          "500": { description: "s:Fault (s:Server): injected fault" },
        },
      },
    },
    "/api/v1/pac/timbrar": {
      post: {
        summary:
          "Test PAC: stamp a sealed CFDI 4.0 (TimbreFiscalDigital 1.1) and register it as Vigente; the same CFDI twice returns its first stamp",
        parameters: [faultHeader],
        requestBody: {
          required: true,
          content: {
            "text/xml": { schema: { type: "string" } },
            "application/json": { schema: { type: "object", properties: { xml: { type: "string" } } } },
          },
        },
        responses: {
          "201": { description: "Stamped: { uuid, fecha_timbrado, xml }" },
          "200": { description: "Previously stamped: { uuid, fecha_timbrado, xml, previamente_timbrado: true }" },
          "409": error,
          "422": error,
          "500": error,
        },
      },
    },
    "/api/v1/certificados/{serial}": {
      get: {
        summary: "SAT certificate repository: a certificate by NoCertificado",
        parameters: [faultHeader, { name: "serial", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "{ no_certificado, rfc, certificado (base64 DER) }" }, "404": error },
      },
    },
    "/api/v1/certificados": {
      post: {
        summary: "Test helper: register another stamping certificate { certificado, rfc }",
        responses: { "201": { description: "{ no_certificado }" }, "422": error },
      },
    },
    "/api/v1/efos": {
      get: { summary: "The 69-B list", responses: { "200": { description: "{ efos: [{ rfc, nombre, situacion }] }" } } },
      post: {
        summary:
          "Add or update an RFC { rfc, nombre, situacion: presunto | definitivo | desvirtuado | sentencia_favorable }; presunto and definitivo answer ValidacionEFOS 100",
        responses: { "201": { description: "Listed" }, "422": error },
      },
    },
    "/api/v1/efos/{rfc}": {
      get: { summary: "One RFC of the list", responses: { "200": { description: "{ efos }" }, "404": error } },
      delete: { summary: "Remove an RFC from the list", responses: { "200": { description: "Removed" } } },
    },
    "/api/v1/cfdi": {
      post: {
        summary: "Test helper: register a CFDI stamped elsewhere { xml, estado? }",
        responses: { "201": { description: "{ uuid, estado }" }, "422": error },
      },
    },
    "/api/v1/cfdi/{uuid}": {
      get: { summary: "Test helper: a registered CFDI", responses: { "200": { description: "{ cfdi }" }, "404": error } },
    },
    "/api/v1/cfdi/{uuid}/cancelar": {
      post: {
        summary: "Test helper: cancel a CFDI (Cancelado sin aceptación)",
        responses: { "200": { description: "{ cfdi }" }, "404": error },
      },
    },
  },
}
