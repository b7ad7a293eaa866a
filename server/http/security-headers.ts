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

/**
 * Subresources a page only reads (module chunks, styles, data, images) need nosniff alone: the policy that governs
 * them is the document's. On HTTP/1.1 every header goes out in full with every response, and a first visit fetches
 * seventy of them: the document-only headers would add ~30 KB to it.
 */
const SUBRESOURCE_HEADERS: Record<string, string> = { 'X-Content-Type-Options': SECURITY_HEADERS['X-Content-Type-Options']! }

// What can never be a document or a worker's global scope. SVG, HTML, plain text and anything unknown get the
// full set.
const SUBRESOURCE_TYPE = /^(?:text\/css|application\/(?:json|manifest\+json)|image\/(?:png|jpeg|webp|gif|avif|x-icon)|font\/)/
const SCRIPT_TYPE = /^(?:text|application)\/javascript/
// Worker scripts run with the policy of their own response: the service worker and the build's *worker* entries
// (the app names every worker so; scripts/vite-plugin-shared-workers.ts, src/import/run-import.ts).
const WORKER_SCRIPT = /^\/sw\.js$|worker[^/]*\.js$/

/** Whether a response only ever serves as a subresource of a page: it then carries nosniff alone. */
export function isPageSubresource(path: string, contentType: string | null): boolean {
  if (!contentType)
    return false
  if (SCRIPT_TYPE.test(contentType))
    return !WORKER_SCRIPT.test(path)
  return SUBRESOURCE_TYPE.test(contentType)
}

/** Adds the security headers to every response, errors and 404s included. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    // /api answers and errors keep the full set: they are few, and may be opened on their own.
    const slim = c.res.status < 400 && !c.req.path.startsWith('/api/') && isPageSubresource(c.req.path, c.res.headers.get('Content-Type'))
    for (const [name, value] of Object.entries(slim ? SUBRESOURCE_HEADERS : SECURITY_HEADERS))
      c.res.headers.set(name, value)
  }
}
