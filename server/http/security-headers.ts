import type { MiddlewareHandler } from 'hono'

// Fits the PWA: everything from our origin, Vant's inline styles, data:/blob: images.
const CSP = [
  'default-src \'self\'',
  'script-src \'self\'',
  'style-src \'self\' \'unsafe-inline\'',
  'img-src \'self\' data: blob:',
  // Vant's icon font is inlined in its CSS as a data: URL.
  'font-src \'self\' data:',
  'connect-src \'self\'',
  'worker-src \'self\'',
  'manifest-src \'self\'',
  'frame-ancestors \'none\'',
  'base-uri \'self\'',
  'form-action \'self\'',
  'object-src \'none\'',
].join('; ')

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
}

/** Adds the security headers to every response, errors and 404s included. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      c.res.headers.set(name, value)
  }
}
