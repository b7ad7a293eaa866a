import type { Context } from 'hono'

/** True when an If-None-Match header lists `etag` (weak comparison, as RFC 9110 asks for it). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header)
    return false
  if (header.trim() === '*')
    return true
  return header.split(',').some(tag => tag.trim().replace(/^W\//, '') === etag)
}

/**
 * Answers stored JSON under its strong ETag, or 304 when the client holds it. `no-cache`: caches may keep it but
 * must ask again (a 304 costs a few bytes); compress-api.ts compresses the body and weakens the ETag.
 */
export function sendJsonWithEtag(c: Context, stored: { body: string, etag: string }): Response {
  c.header('ETag', stored.etag)
  c.header('Cache-Control', 'no-cache')
  if (matchesEtag(c.req.header('if-none-match'), stored.etag))
    return c.body(null, 304)
  c.header('Content-Type', 'application/json; charset=utf-8')
  return c.body(stored.body)
}
