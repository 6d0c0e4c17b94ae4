import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Text } from "@medusajs/ui"
import { installShell } from "../lib/shell"

// Runs when the dashboard loads its extensions, before its first render
// (Spanish by default, menus by role, shop actions hidden: docs/dashboard.md).
if (typeof window !== "undefined") {
  installShell()
}

/** Above the dashboard's login form: who this panel is for. */
const LoginNotice = () => (
  <Text size="small" className="text-ui-fg-subtle text-center" data-testid="login-notice">
    Panel de administración de la Tienda Digital para el personal de la SHCP. Proveedores, dependencias y entidades: entren por la Tienda
    Digital con su cuenta.
  </Text>
)

export const config = defineWidgetConfig({ zone: "login.before" })

export default LoginNotice
