import "server-only"
import { redirect } from "next/navigation"
import { getSession, type Session } from "@lib/session"
import { getProfile, type Profile } from "./contracts"

/**
 * The logged-in person, or a redirect to the login page that comes back to
 * `returnPath`. A rejected token (expired, revoked) also goes to the login.
 */
export async function requireAccount(
  returnPath: string,
): Promise<{ session: Session; profile: Profile } | { error: { code: string; message: string } }> {
  const session = getSession()
  const login = `/ingresar?siguiente=${encodeURIComponent(returnPath)}`
  if (!session) {
    redirect(login)
  }
  const me = await getProfile(session)
  if (!me.ok) {
    if (me.error.status === 401) {
      redirect(`${login}&motivo=sesion`)
    }
    return { error: me.error }
  }
  return { session, profile: me.data.profile }
}
