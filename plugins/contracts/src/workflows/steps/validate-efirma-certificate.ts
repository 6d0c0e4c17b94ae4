import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { parseCertificate } from "../../efirma/certificate"
import { assertAcceptableCertificate } from "../../efirma/checks"
import { efirmaError, EFIRMA_ERRORS } from "../../errors"
import { configuredTrustStore, fingerprintOf, loadSigner } from "../../efirma/verify"
import { EFIRMA_MODULE } from "../../modules/efirma"
import type EfirmaModuleService from "../../modules/efirma/service"

export type ValidateEfirmaCertificateStepInput = {
  person_id: string
  /** Base64 DER or PEM of the `.cer`. */
  certificate: string
}

export type EfirmaCertificateToRegister = {
  person_id: string
  organization_id: string | null
  serial: string
  serial_hex: string
  rfc: string
  subject_name: string
  subject: string
  issuer: string
  valid_from: Date
  valid_to: Date
  der: string
  fingerprint_sha256: string
}

export const validateEfirmaCertificateStepId = "contracts-validate-efirma-certificate"
/**
 * This step checks a `.cer` before registration (@nodecfdi/credentials
 * parsing): an e.firma, not a CSD; issued by the configured SAT CA bundle;
 * in force now; its RFC is the person's; not registered already. No side
 * effects.
 */
export const validateEfirmaCertificateStep = createStep(
  validateEfirmaCertificateStepId,
  async (input: ValidateEfirmaCertificateStepInput, { container }) => {
    const cert = parseCertificate(input.certificate)
    const signer = await loadSigner(container, input.person_id)
    assertAcceptableCertificate(cert, {
      person_rfc: signer.rfc,
      trust: await configuredTrustStore(container),
      at: new Date(),
    })
    const service = container.resolve<EfirmaModuleService>(EFIRMA_MODULE)
    const [existing] = await service.listEfirmaCertificates({ serial: cert.serial }, { take: 1 })
    if (existing?.status === "revoked") {
      throw efirmaError(
        EFIRMA_ERRORS.CERTIFICADO_REVOCADO,
        `El certificado ${cert.serial} fue revocado y no puede registrarse de nuevo; registra un certificado vigente.`,
      )
    }
    if (existing) {
      throw efirmaError(
        EFIRMA_ERRORS.CERTIFICADO_YA_REGISTRADO,
        existing.person_id === signer.id
          ? `El certificado ${cert.serial} ya está registrado a tu nombre.`
          : `El certificado ${cert.serial} ya está registrado por otra persona.`,
      )
    }
    const record: EfirmaCertificateToRegister = {
      person_id: signer.id,
      organization_id: signer.organization_id,
      serial: cert.serial,
      serial_hex: cert.serial_hex,
      rfc: cert.rfc,
      subject_name: cert.subject_name,
      subject: cert.subject,
      issuer: cert.issuer,
      valid_from: cert.valid_from,
      valid_to: cert.valid_to,
      der: cert.der_base64,
      fingerprint_sha256: fingerprintOf(cert),
    }
    return new StepResponse(record)
  },
)
