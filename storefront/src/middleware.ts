import { NextResponse, type NextRequest } from "next/server"
import { contentSecurityPolicy, newNonce } from "@lib/csp"

/**
 * A nonce per page view and the CSP that allows only scripts carrying it.
 * Next.js reads the nonce from the request's Content-Security-Policy header
 * and puts it on the scripts it renders (pages are rendered per request: the
 * root layout reads the session cookie).
 */
export function middleware(request: NextRequest) {
  const nonce = newNonce()
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" })
  const headers = new Headers(request.headers)
  headers.set("x-nonce", nonce)
  headers.set("content-security-policy", csp)
  const response = NextResponse.next({ request: { headers } })
  response.headers.set("content-security-policy", csp)
  return response
}

export const config = {
  // pages only: not static files, images or prefetches (they are not documents)
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
}
