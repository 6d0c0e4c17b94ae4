import { SmtpNotificationService } from "./service"

const logger = { debug: () => undefined } as never

describe("SMTP notification provider", () => {
  it("sends the rendered subject, text and HTML to the recipient", async () => {
    const smtp = new SmtpNotificationService({ logger }, { from: "tienda@hacienda.gob.mx", jsonTransport: true })
    const sent: { message: string }[] = []
    const transporter = (smtp as unknown as { transporter_: { sendMail: (m: object) => Promise<{ message: string; messageId: string }> } })
      .transporter_
    const original = transporter.sendMail.bind(transporter)
    transporter.sendMail = async (m: object) => {
      const info = await original(m)
      sent.push(info)
      return info
    }
    const result = await smtp.send({
      to: "compras@salud.gob.mx",
      channel: "email",
      template: "requisition.needs_approval",
      content: { subject: "Requisición REQ-1 requiere tu aprobación", text: "Espera tu decisión", html: "<p>Espera tu decisión</p>" },
    } as never)
    expect(result.id).toBeTruthy()
    const message = JSON.parse(sent[0].message)
    expect(message.to).toEqual([{ address: "compras@salud.gob.mx", name: "" }])
    expect(message.from).toEqual({ address: "tienda@hacienda.gob.mx", name: "" })
    expect(message.subject).toBe("Requisición REQ-1 requiere tu aprobación")
    expect(message.text).toBe("Espera tu decisión")
    expect(message.html).toBe("<p>Espera tu decisión</p>")
  })

  it("refuses a configuration without sender or server", () => {
    expect(() => SmtpNotificationService.validateOptions({ host: "smtp.example" })).toThrow(/SMTP_FROM/)
    expect(() => SmtpNotificationService.validateOptions({ from: "a@b.mx" })).toThrow(/SMTP_HOST/)
  })
})
