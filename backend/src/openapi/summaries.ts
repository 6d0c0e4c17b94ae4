/**
 * One line per operation, in Spanish and English, for the OpenAPI document;
 * `errors` lists domain refusal codes a route is known to answer beyond the
 * guard's and the validators' (which the generator adds itself), by status
 * or as "4XX" when the status depends on the refusal. A route missing here
 * is still published, summarised by its method and path.
 */
export type OperationSummary = { es: string; en: string; errors?: Record<string, string[]> }

const s = (es: string, en: string, errors?: Record<string, string[]>): OperationSummary => ({ es, en, ...(errors ? { errors } : {}) })

export const OPERATION_SUMMARIES: Record<string, OperationSummary> = {
  // backend
  "GET /openapi.json": s("Este documento OpenAPI 3.1", "This OpenAPI 3.1 document"),
  "GET /admin/dashboard/menu": s("Secciones del panel que ve la persona", "Dashboard sections the caller sees"),
  "GET /admin/ops/job-runs": s("Últimas ejecuciones de tareas programadas", "Latest scheduled-job runs"),
  "POST /auth/logout": s("Cerrar sesión: el token deja de servir de inmediato", "Log out: the token stops working at once", {
    "400": ["SIN_TOKEN_DE_SESION"],
  }),

  // budget
  "GET /store/budget/keys": s("Claves presupuestarias de mi unidad con su disponible", "My unit's budget keys and their availability"),
  "GET /store/budget/keys/:id/ledger": s("Movimientos de una clave presupuestaria", "A budget key's movements"),
  "POST /store/budget/check": s("Verificar suficiencia presupuestal", "Check budget sufficiency", {
    "4XX": ["CLAVE_PRESUPUESTAL_NO_EXISTE", "CLAVE_PRESUPUESTAL_INACTIVA", "CLAVE_PRESUPUESTAL_DE_OTRA_UNIDAD"],
  }),
  "POST /store/budget/reservations": s(
    "Apartar presupuesto a mano contra un oficio (reserva manual)",
    "Set budget aside by hand against an official document (manual reservation)",
    {
      "400": ["RESERVA_SOLO_MANUAL", "JUSTIFICACION_REQUERIDA", "IDEMPOTENCY_KEY_REQUERIDA"],
      "409": ["FONDOS_INSUFICIENTES", "IDEMPOTENCIA_CONFLICTO"],
      "503": ["SICOP_SIAFF_NO_DISPONIBLE"],
    },
  ),
  "POST /store/budget/reservations/:id/release": s(
    "Liberar a mano lo que queda de una reserva manual",
    "Release by hand what is left of a manual reservation",
    {
      "400": ["RESERVA_DE_PROCEDIMIENTO"],
      "404": ["RESERVA_NO_EXISTE"],
      "409": ["RESERVA_SIN_SALDO"],
      "503": ["SICOP_SIAFF_NO_DISPONIBLE"],
    },
  ),
  "GET /admin/budget/keys": s("Claves presupuestarias de todas las dependencias", "Every agency's budget keys"),

  // contracts: audit ledger
  "GET /public/audit/checkpoints": s(
    "Puntos de control públicos de la bitácora encadenada",
    "Public checkpoints of the hash-chained audit ledger",
  ),
  "GET /auditor/audit/entries": s("Asientos de la bitácora de auditoría", "Audit ledger entries"),
  "GET /auditor/audit/export": s("Exportar la bitácora de auditoría", "Export the audit ledger"),
  // contracts: e.firma
  "GET /admin/efirma/certificates": s("Certificados e.firma registrados", "Registered e.firma certificates"),
  "POST /admin/efirma/certificates/:id/revoke": s("Revocar un certificado e.firma", "Revoke an e.firma certificate"),
  "GET /admin/me/efirma/certificates": s("Mis certificados e.firma", "My e.firma certificates"),
  "POST /admin/me/efirma/certificates": s("Registrar mi certificado e.firma", "Register my e.firma certificate"),
  "POST /admin/me/efirma/certificates/:id/revoke": s("Revocar mi certificado e.firma", "Revoke my e.firma certificate"),
  "POST /admin/me/efirma/verify": s("Verificar una firma e.firma", "Verify an e.firma signature"),
  "GET /store/me/efirma/certificates": s("Mis certificados e.firma", "My e.firma certificates"),
  "POST /store/me/efirma/certificates": s("Registrar mi certificado e.firma", "Register my e.firma certificate"),
  "POST /store/me/efirma/certificates/:id/revoke": s("Revocar mi certificado e.firma", "Revoke my e.firma certificate"),
  "POST /store/me/efirma/verify": s("Verificar una firma e.firma", "Verify an e.firma signature"),
  "GET /supplier/me/efirma/certificates": s("Mis certificados e.firma", "My e.firma certificates"),
  "POST /supplier/me/efirma/certificates": s("Registrar mi certificado e.firma", "Register my e.firma certificate"),
  "POST /supplier/me/efirma/certificates/:id/revoke": s("Revocar mi certificado e.firma", "Revoke my e.firma certificate"),
  "POST /supplier/me/efirma/verify": s("Verificar una firma e.firma", "Verify an e.firma signature"),
  // contracts: specific contracts
  "GET /store/specific-contracts": s("Contratos específicos de mi dependencia", "My agency's specific contracts"),
  "POST /store/specific-contracts": s(
    "Rechazado: los contratos se generan desde una requisición aprobada",
    "Refused: contracts are generated from an approved requisition",
    { "4XX": ["CONTRATO_SOLO_DESDE_REQUISICION"] },
  ),
  "GET /store/specific-contracts/:id": s("Detalle de un contrato específico", "A specific contract"),
  "GET /store/specific-contracts/:id/html": s("Contrato específico en HTML", "A specific contract as HTML"),
  "GET /store/specific-contracts/:id/pdf": s("Contrato específico en PDF", "A specific contract as PDF"),
  "POST /store/specific-contracts/:id/sign": s("Firmar el contrato con e.firma (dependencia)", "Sign the contract with e.firma (agency)"),
  "POST /store/specific-contracts/:id/amendments": s("Convenio modificatorio de un contrato", "Amend a contract"),
  "POST /store/specific-contracts/:id/cancel": s("Cancelar un contrato específico", "Cancel a specific contract"),
  "GET /supplier/specific-contracts": s("Contratos específicos de mi empresa", "My company's specific contracts"),
  "GET /supplier/specific-contracts/:id": s("Detalle de un contrato específico", "A specific contract"),
  "GET /supplier/specific-contracts/:id/html": s("Contrato específico en HTML", "A specific contract as HTML"),
  "GET /supplier/specific-contracts/:id/pdf": s("Contrato específico en PDF", "A specific contract as PDF"),
  "POST /supplier/specific-contracts/:id/sign": s(
    "Firmar el contrato con e.firma (proveedor)",
    "Sign the contract with e.firma (supplier)",
  ),
  "GET /admin/specific-contracts": s("Contratos específicos de todas las dependencias", "Every agency's specific contracts"),
  "GET /admin/specific-contracts/:id": s("Detalle de un contrato específico", "A specific contract"),
  "GET /admin/specific-contracts/:id/html": s("Contrato específico en HTML", "A specific contract as HTML"),
  "GET /admin/specific-contracts/:id/pdf": s("Contrato específico en PDF", "A specific contract as PDF"),
  "GET /admin/contract-templates": s("Plantillas de contrato", "Contract templates"),
  "POST /admin/contract-templates": s("Crear una versión de plantilla de contrato", "Create a contract template version"),
  "GET /admin/contract-templates/:id": s("Detalle de una plantilla de contrato", "A contract template"),

  // e-invoicing
  "GET /supplier/bank-accounts": s("Cuentas bancarias de mi empresa", "My company's bank accounts"),
  "POST /supplier/bank-accounts": s("Registrar una cuenta bancaria (CLABE) firmada", "Register a signed bank account (CLABE)"),
  "GET /supplier/bank-accounts/signing-payload": s(
    "Cadena a firmar para registrar una cuenta",
    "The payload to sign to register an account",
  ),
  "GET /supplier/bank-accounts/:id": s("Detalle de una cuenta bancaria", "A bank account"),
  "GET /supplier/orders/:id/shipments": s("Envíos de un pedido", "An order's shipments"),
  "POST /supplier/orders/:id/shipments": s(
    "Registrar un envío contra el pedido (partidas, cantidades, remisión)",
    "Record a shipment against the order (lines, quantities, delivery note)",
  ),
  "GET /store/shipments": s("Envíos por recibir en mis unidades", "Shipments awaiting reception in my units"),
  "GET /store/receptions": s("Recepciones de mis unidades", "My units' receptions"),
  "POST /store/receptions": s(
    "Registrar la recepción de un envío: total, parcial o rechazada por partida",
    "Record a shipment's reception: full, partial or rejected per line",
  ),
  "GET /store/receptions/:id": s("Detalle de una recepción, con su pena convencional", "A reception, with its contractual penalty"),
  "GET /store/receptions/:id/acta": s(
    "Acta de entrega-recepción de una recepción: HTML, huellas, estado y lo que se firma",
    "A reception's acta de entrega-recepción: HTML, digests, status and the payload to sign",
  ),
  "GET /store/receptions/:id/acta/pdf": s("Descargar el acta de entrega-recepción en PDF", "Download the acta de entrega-recepción as PDF"),
  "POST /store/receptions/:id/acta/sign": s(
    "Firmar el acta de entrega-recepción con e.firma",
    "Sign the acta de entrega-recepción with e.firma",
  ),
  "GET /supplier/receptions/:id/acta/pdf": s(
    "Descargar el acta de entrega-recepción de mi envío",
    "Download the acta de entrega-recepción of my shipment",
  ),
  "GET /supplier/invoices": s("Mis facturas (CFDI) y su estado de pago", "My invoices (CFDI) and their payment status"),
  "POST /supplier/invoices": s(
    "Subir un CFDI 4.0 por lo recibido; cada falla con su campo y regla",
    "Upload a CFDI 4.0 for what was received; every failure with its field and rule",
  ),
  "GET /supplier/invoices/:id": s("Detalle de una factura y su validación", "An invoice and its validation"),
  "POST /supplier/invoices/:id/payment-complement": s(
    "Subir el complemento de pago (CFDI tipo P, Pagos 2.0) de una factura PPD pagada",
    "Upload the payment complement (CFDI type P, Pagos 2.0) of a paid PPD invoice",
  ),
  "GET /store/invoices": s(
    "Facturas de mi dependencia (status=exception: la cola de excepciones)",
    "My agency's invoices (status=exception: the exception queue)",
  ),
  "POST /store/invoices/:id/match": s("Volver a conciliar contrato, recepción y CFDI", "Re-run the three-way match"),
  "GET /store/payment-requests": s("Solicitudes de pago", "Payment requests"),
  "GET /store/payment-requests/:id": s("Detalle de una solicitud de pago", "A payment request"),
  "POST /store/payment-requests/:id/authorize": s(
    "Autorizar el pago: CLC con RFC y CLABE del proveedor (ejercido)",
    "Authorise payment: CLC with the supplier's RFC and CLABE (exercised)",
  ),
  "POST /store/payment-requests/:id/confirm-payment": s(
    "Confirmar el pago SPEI con su clave de rastreo (pagado)",
    "Confirm the SPEI payment with its tracking key (paid)",
  ),

  // framework-contracts
  "GET /admin/classifier": s("Clasificador de bienes y servicios (CUCoP)", "Goods and services classifier (CUCoP)"),
  "POST /admin/classifier/import": s("Importar el clasificador", "Import the classifier"),
  "POST /admin/classifier/crosswalk": s("Correspondencia entre clasificadores", "Classifier crosswalk"),
  "GET /admin/framework-contracts": s("Contratos marco", "Framework contracts"),
  "POST /admin/framework-contracts": s("Crear un contrato marco", "Create a framework contract"),
  "GET /admin/framework-contracts/:id": s("Detalle de un contrato marco", "A framework contract"),
  "POST /admin/framework-contracts/:id/status": s("Cambiar el estado de un contrato marco", "Change a framework contract's status"),
  "POST /admin/framework-contracts/:id/suppliers": s("Adherir proveedores a un contrato marco", "Add suppliers to a framework contract"),
  "POST /admin/framework-contracts/:id/units": s("Dependencias y unidades que pueden comprar", "Agencies and units that may buy"),
  "GET /admin/offer-requests": s("Solicitudes de oferta de proveedores", "Suppliers' offer requests"),
  "POST /admin/offer-requests/:id/review": s("Aprobar o rechazar una solicitud de oferta", "Approve or reject an offer request"),
  "GET /admin/sanctions": s("Sanciones e inhabilitaciones de proveedores", "Supplier sanctions and debarments"),
  "POST /admin/sanctions": s("Registrar una sanción", "Record a sanction"),
  "POST /admin/sanctions/import": s("Importar sanciones", "Import sanctions"),
  "GET /supplier/framework-contracts": s("Contratos marco a los que estoy adherido", "Framework contracts I have joined"),
  "GET /supplier/offers": s("Mis ofertas vigentes", "My current offers"),
  "GET /supplier/offer-requests": s("Mis solicitudes de oferta", "My offer requests"),
  "POST /supplier/offer-requests": s("Proponer una oferta (precio no mayor al techo)", "Propose an offer (price at most the ceiling)"),
  "GET /store/catalog/classifier": s("Clasificador del catálogo", "Catalog classifier"),
  "GET /store/catalog/items": s("Artículos del catálogo que puedo comprar", "Catalog items I may buy"),
  "GET /store/catalog/items/:id": s("Detalle de un artículo del catálogo", "A catalog item"),

  // mini-competition
  "GET /store/competitions": s("Mini-competencias de mi dependencia", "My agency's mini-competitions"),
  "POST /store/competitions": s("Crear una mini-competencia desde una requisición", "Create a mini-competition from a requisition"),
  "GET /store/competitions/:id": s("Detalle de una mini-competencia", "A mini-competition"),
  "POST /store/competitions/:id/publish": s("Publicar la invitación", "Publish the invitation"),
  "GET /store/competitions/:id/integrity-declaration": s(
    "Declaración de integridad vigente y la mía en esta mini-competencia",
    "The integrity declaration in force and mine on this mini-competition",
  ),
  "POST /store/competitions/:id/integrity-declaration": s(
    "Firmar la declaración de integridad (antes de publicar o adjudicar)",
    "Sign the integrity declaration (before publishing or awarding)",
    { "4XX": ["DECLARACION_NO_VIGENTE"] },
  ),
  "GET /supplier/competitions/:id/integrity-declaration": s(
    "Declaración de integridad vigente y la mía en esta mini-competencia",
    "The integrity declaration in force and mine on this mini-competition",
  ),
  "POST /supplier/competitions/:id/integrity-declaration": s(
    "Firmar la declaración de integridad (antes de presentar propuesta)",
    "Sign the integrity declaration (before bidding)",
    { "4XX": ["DECLARACION_NO_VIGENTE"] },
  ),
  "POST /store/competitions/:id/award": s("Adjudicar tras la apertura", "Award after the opening"),
  "POST /store/competitions/:id/contracts": s(
    "Generar los contratos específicos de las adjudicaciones confirmadas",
    "Generate the specific contracts of the confirmed awards",
    {
      "409": ["ADJUDICACION_NO_CONFIRMADA"],
      "4XX": [
        "CONTRATO_EXCEDE_REQUISICION",
        "CONTRATO_EXCEDE_PRECIO_TECHO",
        "COMPETENCIA_SIN_ADJUDICAR",
        "ADJUDICACION_NO_CORRESPONDE",
        "ADJUDICACION_SIN_OFERTA",
      ],
    },
  ),
  "GET /admin/competition-rules": s("Reglas de segunda etapa por lote, con su vigencia", "Second-stage rules per lot, effective-dated"),
  "POST /admin/competition-rules": s(
    "Publicar reglas de segunda etapa para un lote desde una fecha",
    "Publish second-stage rules for a lot from a date",
    { "4XX": ["VIGENCIA_RETROACTIVA"], "409": ["REGLA_YA_EXISTE"] },
  ),
  "POST /store/competitions/:id/desert": s("Declarar desierta", "Declare void"),
  "POST /store/competitions/:id/clarifications/:clarification_id/answer": s("Responder una aclaración", "Answer a clarification"),
  "GET /supplier/competitions": s("Mini-competencias a las que estoy invitado", "Mini-competitions I am invited to"),
  "GET /supplier/competitions/:id": s("Detalle de una invitación", "An invitation"),
  "POST /supplier/competitions/:id/bid": s("Presentar mi propuesta sellada", "Submit my sealed bid"),
  "DELETE /supplier/competitions/:id/bid": s("Retirar mi propuesta antes del cierre", "Withdraw my bid before the deadline"),
  "POST /supplier/competitions/:id/award/accept": s("Aceptar la adjudicación", "Accept the award"),
  "POST /supplier/competitions/:id/clarifications": s("Solicitar una aclaración", "Ask for a clarification"),
  "GET /observer/competitions": s("Mini-competencias observables", "Mini-competitions to observe"),
  "GET /observer/competitions/:id": s("Detalle de una mini-competencia (testigo social)", "A mini-competition (social witness)"),
  "POST /observer/competitions/:id/observations": s("Registrar una observación", "Record an observation"),
  "GET /public/competitions/:id": s("Registro público de una mini-competencia", "A mini-competition's public record"),
  "GET /public/ocds/releases": s(
    "Publicaciones OCDS por fecha (paquete de releases, paginado)",
    "OCDS releases by date (paged release package)",
  ),
  "GET /public/ocds/releases/:ocid": s(
    "Publicaciones OCDS de un procedimiento (paquete de releases)",
    "A contracting process's OCDS releases (release package)",
  ),
  "GET /public/ocds/records/:ocid": s(
    "Registro OCDS compilado de un procedimiento (paquete de records)",
    "A contracting process's compiled OCDS record (record package)",
  ),
  "GET /public/ocds/bulk": s("Descarga masiva OCDS (JSON por línea, gzip)", "OCDS bulk download (JSON lines, gzipped)"),

  // organizations
  "GET /admin/organizations": s("Dependencias y proveedores", "Agencies and suppliers"),
  "POST /admin/organizations": s("Dar de alta una organización", "Register an organization"),
  "GET /admin/organizations/:id": s("Detalle de una organización", "An organization"),
  "POST /admin/organizations/:id": s("Editar los datos de padrón de una organización", "Edit an organization's registry data", {
    "4XX": ["ORGANIZACION_NO_EXISTE", "SHCP_NO_SE_DESACTIVA"],
  }),
  "POST /admin/organizations/:id/units": s("Agregar unidades compradoras", "Add buying units"),
  "GET /admin/people": s("Personas registradas", "Registered people"),
  "POST /admin/people": s("Dar de alta a una persona", "Register a person"),
  "POST /admin/people/:id": s("Editar nombre, cargo o alta de una persona", "Edit a person's name, position or active flag", {
    "4XX": ["PERSONA_NO_EXISTE"],
  }),
  "POST /admin/people/:id/role-assignments": s("Asignar roles a una persona", "Grant roles to a person"),
  "DELETE /admin/role-assignments/:id": s("Retirar una asignación de rol", "Revoke a role assignment"),
  "GET /admin/role-permissions": s("Matriz de roles y permisos", "The role-permission matrix"),
  "POST /admin/role-permissions/:role": s("Cambiar los permisos de un rol", "Change a role's permissions"),
  "GET /store/me": s("Mi perfil, dependencia y roles", "My profile, agency and roles"),
  "GET /store/organization": s("Mi dependencia y sus unidades", "My agency and its units"),
  "GET /store/organization/people": s("Directorio de mi dependencia", "My agency's directory"),
  "GET /supplier/me": s("Mi perfil de proveedor", "My supplier profile"),
  "POST /supplier/me": s("Actualizar el contacto de mi empresa", "Update my company's contact"),
  "GET /observer/me": s("Mi perfil de testigo social", "My observer profile"),
  "GET /auditor/me": s("Mi perfil de auditor", "My auditor profile"),
  "GET /auditor/organizations": s("Organizaciones (lectura de auditoría)", "Organizations (audit read)"),

  // requisitions
  "GET /store/requisitions": s("Mis requisiciones", "My requisitions"),
  "POST /store/requisitions": s("Crear una requisición desde mi carrito", "Create a requisition from my cart", {
    "4XX": ["REQUISICION_SIN_ARTICULOS", "FECHA_DE_ENTREGA_INVALIDA", "CANTIDAD_INVALIDA"],
  }),
  "GET /store/requisitions/inbox": s("Requisiciones que esperan mi decisión", "Requisitions awaiting my decision"),
  "GET /store/requisitions/:id": s("Detalle de una requisición", "A requisition"),
  "POST /store/requisitions/:id": s("Editar una requisición en borrador o devuelta", "Edit a draft or returned requisition", {
    "4XX": ["REQUISICION_NO_MODIFICABLE", "SOLO_EL_SOLICITANTE"],
  }),
  "POST /store/requisitions/:id/submit": s("Enviar a aprobación, reservando presupuesto", "Submit for approval, reserving budget", {
    "409": ["FONDOS_INSUFICIENTES"],
    "4XX": ["REQUISICION_YA_ENVIADA", "SOLO_EL_SOLICITANTE"],
  }),
  "POST /store/requisitions/:id/contracts": s(
    "Generar los contratos específicos de una requisición aprobada",
    "Generate an approved requisition's specific contracts",
    { "4XX": ["REQUISICION_NO_APROBADA", "CONTRATOS_YA_GENERADOS"] },
  ),
  "POST /store/requisitions/:id/contracts/:contract_id/reroute": s(
    "Reasignar al siguiente proveedor habilitado el contrato sin firmar de un proveedor sancionado",
    "Re-route a sanctioned supplier's unsigned contract to the next eligible supplier",
    {
      "404": ["CONTRATO_NO_EXISTE"],
      "4XX": ["PROVEEDOR_AUN_ELEGIBLE", "CONTRATO_NO_REASIGNABLE", "SIN_PROVEEDOR_ELEGIBLE", "CONTRATO_EXCEDE_REQUISICION"],
    },
  ),
  "POST /store/requisitions/:id/withdraw": s("Retirar una requisición sin contrato", "Withdraw a requisition without a contract", {
    "4XX": ["REQUISICION_NO_RETIRABLE", "SOLO_EL_SOLICITANTE"],
  }),
  "POST /store/requisitions/:id/decisions": s(
    "Aprobar, devolver o rechazar el paso pendiente",
    "Approve, return or reject the pending step",
    { "4XX": ["REQUISICION_NO_PENDIENTE", "JUSTIFICACION_REQUERIDA"] },
  ),
  "GET /store/delegations": s("Delegaciones de aprobación", "Approval delegations"),
  "POST /store/delegations": s("Delegar mis aprobaciones por un periodo", "Delegate my approvals for a period", {
    "4XX": ["DELEGADO_INVALIDO", "ROL_NO_DELEGABLE", "PERIODO_INVALIDO", "DELEGACION_EXCEDE_PLAZO"],
  }),
  "POST /store/delegations/:id/revoke": s("Revocar una delegación que di", "Revoke a delegation I gave", {
    "404": ["DELEGACION_NO_EXISTE"],
    "409": ["DELEGACION_YA_REVOCADA", "DELEGACION_TERMINADA"],
  }),
  "GET /store/approval-policy": s("Política de aprobación vigente de mi dependencia", "My agency's current approval policy"),
  "POST /store/approval-policy": s("Publicar una nueva versión de la política de aprobación", "Publish a new approval policy version"),
  "GET /supplier/orders": s("Pedidos liberados a mi empresa", "Orders released to my company"),
  "GET /supplier/orders/:id": s("Detalle de un pedido", "An order"),
  "POST /supplier/orders/:id/acknowledge": s("Acusar recibo de un pedido", "Acknowledge an order", { "4XX": ["PEDIDO_YA_CONFIRMADO"] }),
  "GET /admin/requisitions": s("Requisiciones de todas las dependencias", "Every agency's requisitions"),
  "GET /admin/approval-policies": s("Políticas de aprobación de todas las dependencias", "Every agency's approval policies"),

  // search
  "GET /store/catalog/search": s("Buscar en el catálogo (texto, filtros, facetas)", "Search the catalog (text, filters, facets)"),
  "GET /store/catalog/search/suggest": s("Sugerencias de búsqueda", "Search suggestions"),
}
