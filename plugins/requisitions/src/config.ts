import { MedusaError } from "@medusajs/framework/utils"

/**
 * The requisitions plugin's settings: given once as the plugin's options in
 * `backend/medusa-config.ts` (which reads the environment), parsed here
 * into typed values, and read by steps from the requisition module
 * (`rq(container).settings()`), never from `process.env`.
 */
export type RequisitionsOptions = {
  /** Every approval decision must carry a valid e.firma signature (REQUISITIONS_REQUIRE_EFIRMA). */
  requireEfirma?: boolean | string | null
  /** Notification channel of requisition events (REQUISITIONS_NOTIFICATION_CHANNEL): "feed" or "email". */
  notificationChannel?: string | null
}

export type RequisitionsSettings = { requireEfirma: boolean; notificationChannel: string }

export const DEFAULT_NOTIFICATION_CHANNEL = "feed"

/** Parses the plugin options once; a malformed value stops the start-up with a clear message. */
export function requisitionsSettings(options: RequisitionsOptions = {}): RequisitionsSettings {
  const raw = options.requireEfirma
  let requireEfirma: boolean
  if (raw === undefined || raw === null || raw === "" || raw === false || raw === "false") {
    requireEfirma = false
  } else if (raw === true || raw === "true") {
    requireEfirma = true
  } else {
    throw new MedusaError(
      MedusaError.Types.INVALID_ARGUMENT,
      `requireEfirma (REQUISITIONS_REQUIRE_EFIRMA) debe ser true o false, no «${String(raw)}».`,
    )
  }
  const channel = (options.notificationChannel ?? "").trim() || DEFAULT_NOTIFICATION_CHANNEL
  if (!/^[a-z][a-z0-9_-]{0,39}$/.test(channel)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_ARGUMENT,
      `notificationChannel (REQUISITIONS_NOTIFICATION_CHANNEL) no es un canal válido: «${channel}».`,
    )
  }
  return { requireEfirma, notificationChannel: channel }
}
