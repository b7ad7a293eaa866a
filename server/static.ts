import type { Context, Hono } from 'hono'
import { serveStatic } from '@hono/node-server/serve-static'
import { etag } from 'hono/etag'
import { hashedScriptValidator } from './http/hashed-validator'
import { precompressed } from './http/precompressed'

// Vite puts content-hashed files under assets/ (and the plan data under data/): they never change.
const HASHED = /^\/(?:assets|data)\//
// The files that must be revalidated so a new deployment reaches clients and the service worker updates.
const REVALIDATED = new Set(['/sw.js', '/registerSW.js', '/manifest.webmanifest'])

function cacheControl(path: string): string {
  // No `public`: asset requests carry no credentials, so a max-age alone makes them cacheable everywhere, and the
  // word would go out with each of a first visit's thirty hashed responses.
  if (HASHED.test(path))
    return 'max-age=31536000, immutable'
  const last = path.slice(path.lastIndexOf('/') + 1)
  // App routes (served index.html) and HTML pages.
  if (!last.includes('.') || last.endsWith('.html') || REVALIDATED.has(path))
    return 'no-cache'
  return 'public, max-age=3600'
}

/**
 * Serves the built PWA from `distDir`: the build's brotli/gzip copies when the client takes them, cached
 * forever when hashed, revalidated otherwise, index.html for app routes.
 */
export function mountStatic(app: Hono<any>, distDir: string): void {
  const served = new WeakSet<Context>()
  const onServed = (c: Context) => {
    served.add(c)
  }
  const onFound = (_path: string, c: Context) => onServed(c)
  // serveStatic builds its response before onFound runs, so the header is set on the way out.
  app.use('*', async (c, next) => {
    await next()
    if (!served.has(c))
      return
    c.res.headers.set('Cache-Control', cacheControl(c.req.path))
    // A hashed file is never revalidated: its date would only add bytes to each of a first visit's responses.
    if (HASHED.test(c.req.path))
      c.res.headers.delete('Last-Modified')
  })
  // What is revalidated (the shell, sw.js, the manifest, the icons) answers If-None-Match with a 304: the service
  // worker's precache and its update checks then cost headers, not the file again. Each encoding has its own tag.
  const tag = etag()
  app.use('*', (c, next) => (HASHED.test(c.req.path) || c.req.path.startsWith('/api/') ? next() : tag(c, next)))
  app.use('*', hashedScriptValidator(HASHED))
  app.use('*', precompressed(distDir, { onServed }))
  app.use('*', serveStatic({ root: distDir, onFound }))
  // Client-side routes (no file extension) get the app shell; a missing /assets/x.js stays a 404.
  const shellCopy = precompressed(distDir, { path: 'index.html', onServed })
  const shell = serveStatic({ root: distDir, path: 'index.html', onFound })
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || /\.\w+$/.test(c.req.path))
      return next()
    return shellCopy(c, async () => {
      const res = await shell(c, next)
      if (res)
        c.res = res
    })
  })
}
