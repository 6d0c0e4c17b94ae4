import { requisitionsSettings } from "./config"

describe("requisitionsSettings", () => {
  it("defaults to no mandatory e.firma and the feed channel", () => {
    expect(requisitionsSettings()).toEqual({ requireEfirma: false, notificationChannel: "feed" })
    expect(requisitionsSettings({ requireEfirma: "", notificationChannel: "  " })).toEqual({
      requireEfirma: false,
      notificationChannel: "feed",
    })
  })

  it("reads the options as given by medusa-config (booleans or the environment's strings)", () => {
    expect(requisitionsSettings({ requireEfirma: true, notificationChannel: "email" })).toEqual({
      requireEfirma: true,
      notificationChannel: "email",
    })
    expect(requisitionsSettings({ requireEfirma: "true" }).requireEfirma).toBe(true)
    expect(requisitionsSettings({ requireEfirma: "false" }).requireEfirma).toBe(false)
  })

  it("refuses a malformed value instead of guessing", () => {
    expect(() => requisitionsSettings({ requireEfirma: "yes" })).toThrow(/REQUISITIONS_REQUIRE_EFIRMA/)
    expect(() => requisitionsSettings({ notificationChannel: "E Mail" })).toThrow(/REQUISITIONS_NOTIFICATION_CHANNEL/)
  })
})
