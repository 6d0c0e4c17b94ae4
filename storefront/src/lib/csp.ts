/**
 * The storefront's Content-Security-Policy, one per page view (src/middleware.ts):
 * scripts run only from this site and only when they carry this view's nonce
 * (Next.js puts it on its own bootstrap scripts; 'strict-dynamic' trusts the
 * chunks they load), never inline without it — an injected <script> or event
 * handler does not run. Nothing may frame a page, no plugins, forms and <base>
 * only to this site. `next dev` also needs 'unsafe-eval' (React Refresh).
 * Edge-runtime safe (no Node APIs).
 */
export function contentSecurityPolicy(nonce: string, options: { development?: boolean } = {}): string {
  const scripts = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(options.development ? ["'unsafe-eval'"] : [])]
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    // React and Next.js set no inline styles in production, but the dev overlay does
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ")
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return btoa(String.fromCharCode(...bytes))
}
