import type { ErrorCatalogue } from "./http/domain-errors"

/**
 * Every error code of the organizations plugin (accounts, roles, access, request checks).
 * Keyed by the stable code; each entry is the HTTP status it is answered
 * with and its Spanish meaning (the message at the throw names the record).
 * A code thrown anywhere in the plugin's source must be here
 * (scripts/lint/error-codes.unit.spec.ts); renaming or removing one is a
 * breaking change for API clients.
 */
export const ORGANIZATIONS_ERRORS = {
  ACCESO_NO_CREADO: { status: 400, message: "No se pudo crear el acceso para …: …." },
  ACCESO_YA_VINCULADO: { status: 400, message: "Este acceso ya está vinculado a otra cuenta del mismo tipo." },
  ASIGNACION_NO_EXISTE: { status: 404, message: "La asignación de rol … no existe." },
  ASIGNACION_YA_TERMINADA: { status: 400, message: "La asignación de rol ya no está vigente." },
  BLOQUEO_DE_ADMINISTRACION: {
    status: 400,
    message: "El administrador del sistema no puede quitarse el permiso de administrar la matriz de roles.",
  },
  CAMPOS_NO_PERMITIDOS: { status: 400, message: "Campos no permitidos en «fields»: …. Campos disponibles: …." },
  CLAVE_UNIDAD_DUPLICADA: { status: 400, message: "La unidad con clave … ya existe en …." },
  CLAVE_UNIDAD_REPETIDA: { status: 400, message: "Hay claves de unidad repetidas en la solicitud." },
  CODIGO_POSTAL_INVALIDO: { status: 400, message: "El código postal «…» debe tener 5 dígitos." },
  CONTRASENA_DEBIL: { status: 400, message: "La contraseña inicial debe tener al menos 12 caracteres." },
  CORREO_DUPLICADO: { status: 400, message: "Ya existe una persona registrada con el correo …." },
  CUENTA_SIN_ALTA: {
    status: 403,
    message: "Tu cuenta no está dada de alta o está inactiva en la Tienda Digital; solicita el alta al administrador del sistema.",
  },
  DATOS_INVALIDOS: { status: 400, message: "Datos inválidos: …." },
  ENTIDAD_FEDERATIVA_INVALIDA: {
    status: 400,
    message: "La entidad federativa «…» no existe en el catálogo c_Estado del SAT (usa claves como CMX, JAL, NLE).",
  },
  IDEMPOTENCIA_CLAVE_INVALIDA: { status: 400, message: "El encabezado Idempotency-Key debe tener de 1 a 200 caracteres visibles." },
  IDEMPOTENCIA_CONFLICTO: {
    status: 409,
    message: "Esta Idempotency-Key ya se usó con otra solicitud; usa una clave nueva para una operación distinta.",
  },
  IDEMPOTENCIA_EN_PROCESO: {
    status: 409,
    message: "La solicitud con esta Idempotency-Key aún se está procesando; vuelve a intentarlo en un momento.",
  },
  JSON_CANONICO_INVALIDO: { status: 400, message: "El documento no se puede serializar de forma canónica: … en «…»." },
  NO_AUTENTICADO: { status: 401, message: "Inicia sesión para continuar: esta operación requiere una cuenta autorizada." },
  NO_ES_PROVEEDOR: { status: 400, message: "Solo los proveedores actualizan sus datos de contacto por esta vía." },
  ORGANIZACION_NO_EXISTE: { status: 404, message: "La organización … no existe." },
  PERMISO_DENEGADO: { status: 403, message: "Tus roles (…) no tienen el permiso «…»." },
  PERMISO_DESCONOCIDO: { status: 400, message: "Permisos desconocidos: …." },
  PERSONA_NO_EXISTE: { status: 404, message: "La persona … no existe." },
  REGIMEN_FISCAL_INVALIDO: { status: 400, message: "El régimen fiscal «…» no existe en el catálogo c_RegimenFiscal del SAT." },
  REGIMEN_FISCAL_NO_APLICA: { status: 400, message: "El régimen fiscal … (…) no aplica a personas …." },
  RFC_DUPLICADO: { status: 400, message: "Ya existe una organización con el RFC … (…)." },
  RFC_GENERICO: { status: 400, message: "El RFC genérico «…» no identifica a un contribuyente; captura el RFC propio." },
  RFC_INVALIDO: {
    status: 400,
    message: "El RFC «…» no tiene una estructura válida (12 caracteres para personas morales, 13 para personas físicas, con fecha válida).",
  },
  RFC_TIPO_INCORRECTO: { status: 400, message: "El RFC «…» no corresponde al tipo de persona indicado." },
  ROLES_DE_TIPOS_DISTINTOS: {
    status: 400,
    message: "El rol «…» requiere otro tipo de cuenta; una persona no puede combinar roles de tipos de cuenta distintos.",
  },
  ROL_DESCONOCIDO: { status: 400, message: "El rol «…» no existe." },
  ROL_NO_CORRESPONDE_A_ORGANIZACION: { status: 400, message: "El rol «…» no puede asignarse a personal de …." },
  ROL_REQUERIDO: { status: 400, message: "Asigna al menos un rol a la persona." },
  SHCP_NO_SE_DESACTIVA: { status: 400, message: "La SHCP no puede darse de baja del padrón." },
  TIPO_DE_CUENTA_NO_PERMITIDO: { status: 403, message: "Tu tipo de cuenta (…) no puede usar esta función; está reservada a: …." },
  UNIDADES_SOLO_EN_DEPENDENCIAS: { status: 400, message: "Solo las dependencias y entidades tienen unidades administrativas." },
  UNIDAD_DE_OTRA_ORGANIZACION: { status: 400, message: "La unidad … no pertenece a …." },
  UNIDAD_FUERA_DE_ALCANCE: { status: 403, message: "La unidad indicada no está dentro del alcance de tus roles." },
  UNIDAD_NO_APLICA: { status: 400, message: "El rol «…» no se asigna por unidad." },
  UNIDAD_REQUERIDA: { status: 400, message: "El rol «…» se ejerce dentro de una unidad: indica la unidad." },
  VIGENCIA_INVALIDA: { status: 400, message: "La fecha de término del rol debe ser posterior a la de inicio." },
} as const satisfies ErrorCatalogue

export type OrganizationsErrorCode = keyof typeof ORGANIZATIONS_ERRORS
