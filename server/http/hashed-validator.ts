import type { MiddlewareHandler } from 'hono'

// The build's content hash in a script's name (assets/dexie-y48lrfqd.js).
const NAME_HASH = /-([\w-]{8})\.js$/

/**
 * A validator for content-hashed scripts, and the 304 it earns. Hashed files are cached immutable and need none,
 * except the scripts a service worker imports (Dexie, scripts/vite-plugin-shared-dexie.ts): Chromium revalidates
 * those when it installs a worker, so without a validator the first visit downloads them a second time. The name's
 * hash already says what the content is; the coding tells the variants apart. A few bytes per script.
 */
export function hashedScriptValidator(hashed: RegExp): MiddlewareHandler {
  return async (c, next) => {
    const name = NAME_HASH.exec(c.req.path)
    if (!name || !hashed.test(c.req.path) || (c.req.method !== 'GET' && c.req.method !== 'HEAD'))
      return next()
    await next()
    if (c.res.status !== 200)
      return
    const coding = c.res.headers.get('Content-Encoding')
    const tag = `"${name[1]}${coding ? `.${coding}` : ''}"`
    const asked = c.req.header('if-none-match')
    if (asked && asked.split(',').some(t => t.trim().replace(/^W\//, '') === tag)) {
      await c.res.body?.cancel()
      const headers = new Headers(c.res.headers)
      for (const h of ['Content-Length', 'Content-Encoding', 'Content-Type'])
        headers.delete(h)
      headers.set('ETag', tag)
      c.res = new Response(null, { status: 304, headers })
      return
    }
    c.res.headers.set('ETag', tag)
  }
}
