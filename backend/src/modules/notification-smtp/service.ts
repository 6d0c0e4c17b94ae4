import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import nodemailer, { type Transporter } from "nodemailer"

export type SmtpOptions = {
  host?: string
  port?: number
  secure?: boolean
  user?: string
  password?: string
  from: string
  /** For tests and dry runs: build the message without sending it (nodemailer JSON transport). */
  jsonTransport?: boolean
}

/**
 * E-mail notifications over SMTP (any relay: the ministry's own, SES, …).
 * The message is what the sender rendered (`content.subject/text/html`, e.g.
 * the requisitions' es-MX templates); without content, the template name and
 * data are sent as plain text so nothing is silently dropped.
 */
export class SmtpNotificationService extends AbstractNotificationProviderService {
  static identifier = "smtp"
  protected transporter_: Transporter
  protected options_: SmtpOptions
  protected logger_: Logger

  static validateOptions(options: Record<string, unknown>) {
    if (!options.from) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "SMTP_FROM es obligatorio para enviar correos.", "SMTP_SIN_REMITENTE")
    }
    if (!options.jsonTransport && !options.host) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "SMTP_HOST es obligatorio para enviar correos.", "SMTP_SIN_SERVIDOR")
    }
  }

  constructor({ logger }: { logger: Logger }, options: SmtpOptions) {
    super()
    this.logger_ = logger
    this.options_ = options
    this.transporter_ = options.jsonTransport
      ? nodemailer.createTransport({ jsonTransport: true })
      : nodemailer.createTransport({
          host: options.host,
          port: options.port ?? 587,
          secure: options.secure ?? false,
          auth: options.user ? { user: options.user, pass: options.password } : undefined,
        })
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const content = notification.content ?? {}
    const info = await this.transporter_.sendMail({
      from: notification.from?.trim() || this.options_.from,
      to: notification.to,
      subject: content.subject ?? notification.template,
      text: content.text ?? JSON.stringify(notification.data ?? {}),
      html: content.html,
    })
    this.logger_.debug(`smtp: ${notification.template} sent to ${notification.to} (${info.messageId})`)
    return { id: String(info.messageId) }
  }
}
