import type { MiddlewareHandler } from 'hono'

// Fits the PWA: everything from our origin, Vant's inline styles, data:/blob: images; a page's own inline scripts
// by hash.
function cspWith(scriptHashes: readonly string[]) {
  return [
    'default-src \'self\'',
    ['script-src \'self\'', ...scriptHashes].join(' '),
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
}
const CSP = cspWith([])

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
 * forty of them: the document-only headers would add ~30 KB to it.
 */
const SUBRESOURCE_HEADERS: Record<string, string> = { 'X-Content-Type-Options': SECURITY_HEADERS['X-Content-Type-Options']! }

/**
 * A worker runs under the policy of its own script's response, and sends requests with its referrer policy; framing,
 * the opener and permissions concern documents only.
 */
export const WORKER_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': SECURITY_HEADERS['X-Content-Type-Options']!,
  'Referrer-Policy': SECURITY_HEADERS['Referrer-Policy']!,
}

/**
 * /api answers are JSON or stored files, never a page: opened on their own they may load nothing and be framed by
 * nothing (OWASP's REST headers), which also keeps the page's long policy off every sync request.
 */
export const API_HEADERS: Record<string, string> = {
  'Content-Security-Policy': 'default-src \'none\'; frame-ancestors \'none\'',
  'X-Content-Type-Options': SECURITY_HEADERS['X-Content-Type-Options']!,
  'Referrer-Policy': SECURITY_HEADERS['Referrer-Policy']!,
}

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

const TYPE_BY_EXTENSION: Record<string, string> = {
  js: 'text/javascript',
  css: 'text/css',
  json: 'application/json',
  webmanifest: 'application/manifest+json',
  png: 'image/png',
}

/** The full set for pages, whose policy also allows the given inline scripts. */
export function documentHeaders(scriptHashes: readonly string[] = []): Record<string, string> {
  return scriptHashes.length ? { ...SECURITY_HEADERS, 'Content-Security-Policy': cspWith(scriptHashes) } : SECURITY_HEADERS
}

/** The headers a response gets, by what it is: an API answer, a worker's script, a page's subresource or a page. */
export function headersFor(path: string, status: number, contentType: string | null, page = SECURITY_HEADERS): Record<string, string> {
  // A 304 has no Content-Type; its headers update the stored response's, so they follow what the file is.
  if (!contentType && status === 304)
    contentType = TYPE_BY_EXTENSION[path.slice(path.lastIndexOf('.') + 1)] ?? null
  if (path.startsWith('/api/'))
    return API_HEADERS
  if (status >= 400)
    return page
  if (contentType && SCRIPT_TYPE.test(contentType) && WORKER_SCRIPT.test(path))
    return WORKER_HEADERS
  return isPageSubresource(path, contentType) ? SUBRESOURCE_HEADERS : page
}

/**
 * Adds the security headers to every response, errors and 404s included; `scriptHashes` are the page's inline
 * scripts (server/http/inline-scripts.ts).
 */
export function securityHeaders(scriptHashes: readonly string[] = []): MiddlewareHandler {
  const page = documentHeaders(scriptHashes)
  return async (c, next) => {
    await next()
    // Errors other than the API's keep the full set: they are few, and may be opened on their own.
    for (const [name, value] of Object.entries(headersFor(c.req.path, c.res.status, c.res.headers.get('Content-Type'), page)))
      c.res.headers.set(name, value)
  }
}
