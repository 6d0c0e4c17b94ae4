import { createTestCa, issueCertificate, type CertificateHolder, type TestCa } from "@tienda/contracts/efirma/test-ca"
import type { SigningCredential } from "../issue"

/** Password of every key of the CFDI test PKI. */
export const CFDI_TEST_KEY_PASSWORD = "Prueba-CSD-2026"

/** The fictitious test PAC that stamps in simulators/sat. */
export const TEST_PAC: CertificateHolder = { rfc: "TPA990101AA1", name: "PAC DE PRUEBAS TIENDA DIGITAL" }

export type CfdiTestPki = {
  ca: TestCa
  /** A second CA, not trusted. */
  untrusted_ca: TestCa
  /** Certificate of the test PAC (a CSD-like stamping certificate). */
  pac: SigningCredential & { serial: string }
  csd(
    holder: CertificateHolder,
    opts?: { valid_from?: Date; valid_to?: Date; kind?: "csd" | "efirma"; untrusted?: boolean },
  ): SigningCredential & { serial: string }
}

const YEAR = 365 * 24 * 3600 * 1000

/**
 * A throwaway PKI for CFDI tests and fixtures, issued by the project's test
 * CA (plugins/contracts/src/efirma/test-ca.ts): SAT-shaped CSDs and e.firmas
 * for suppliers, and the test PAC's stamping certificate. Pass an existing
 * CA to share it with the app (e.g. .data/efirma-test-ca).
 */
export function createCfdiTestPki(ca: TestCa = createTestCa()): CfdiTestPki {
  const untrusted_ca = createTestCa({ name: "AC desconocida (no confiable)" })
  const issue = (from: TestCa, holder: CertificateHolder, opts: { valid_from?: Date; valid_to?: Date; kind?: "csd" | "efirma" }) => {
    const c = issueCertificate(from, holder, {
      kind: opts.kind ?? "csd",
      password: CFDI_TEST_KEY_PASSWORD,
      valid_from: opts.valid_from ?? new Date(Date.now() - 2 * YEAR),
      valid_to: opts.valid_to,
    })
    return { cer_der: c.cer_der, key_der: c.key_der, password: c.password, serial: c.serial }
  }
  return {
    ca,
    untrusted_ca,
    pac: issue(ca, TEST_PAC, { kind: "csd" }),
    csd: (holder, opts = {}) => issue(opts.untrusted ? untrusted_ca : ca, holder, opts),
  }
}
