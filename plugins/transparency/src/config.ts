import { MedusaError } from "@medusajs/framework/utils"

/**
 * The transparency plugin's settings: given once as the plugin's options in
 * `backend/medusa-config.ts` (which reads the environment), parsed here into
 * typed values and read by steps and routes from the transparency module
 * (`settings()`), never from `process.env`.
 */
export type TransparencyOptions = {
  /** The publisher's OCDS ocid prefix (OCDS_OCID_PREFIX): `ocds-` and six characters, as the OCP registers them. */
  ocidPrefix?: string | null
  /** The publisher's name in every package (OCDS_PUBLISHER_NAME). */
  publisherName?: string | null
  /** Absolute base URL of the public API, to give packages a `uri` (OCDS_PUBLIC_BASE_URL). */
  publicBaseUrl?: string | null
}

export type TransparencySettings = { ocidPrefix: string; publisherName: string; publicBaseUrl: string | null }

/** Unregistered placeholder prefix: a real deployment registers its own with the Open Contracting Partnership. */
export const DEFAULT_OCID_PREFIX = "ocds-tdgfmx"
export const DEFAULT_PUBLISHER_NAME = "Tienda Digital del Gobierno Federal"

/** Parses the plugin options once; a malformed value stops the start-up with a clear message. */
export function transparencySettings(options: TransparencyOptions = {}): TransparencySettings {
  const ocidPrefix = (options.ocidPrefix ?? "").trim() || DEFAULT_OCID_PREFIX
  if (!/^ocds-[a-z0-9]{6}$/.test(ocidPrefix)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_ARGUMENT,
      `ocidPrefix (OCDS_OCID_PREFIX) debe ser «ocds-» seguido de seis letras minúsculas o dígitos, no «${ocidPrefix}».`,
    )
  }
  const publisherName = (options.publisherName ?? "").trim() || DEFAULT_PUBLISHER_NAME
  const base = (options.publicBaseUrl ?? "").trim().replace(/\/+$/, "")
  if (base && !/^https?:\/\/[^\s]+$/.test(base)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_ARGUMENT,
      `publicBaseUrl (OCDS_PUBLIC_BASE_URL) debe ser una URL http(s) absoluta, no «${base}».`,
    )
  }
  return { ocidPrefix, publisherName, publicBaseUrl: base || null }
}
