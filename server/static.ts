import type { Context, Hono } from 'hono'
import { serveStatic } from '@hono/node-server/serve-static'

// Vite puts content-hashed files under assets/ (and the plan data under data/): they never change.
const HASHED = /^\/(?:assets|data)\//
// The files that must be revalidated so a new deployment reaches clients and the service worker updates.
const REVALIDATED = new Set(['/sw.js', '/registerSW.js', '/manifest.webmanifest'])

function cacheControl(path: string): string {
  if (HASHED.test(path))
    return 'public, max-age=31536000, immutable'
  const last = path.slice(path.lastIndexOf('/') + 1)
  // App routes (served index.html) and HTML pages.
  if (!last.includes('.') || last.endsWith('.html') || REVALIDATED.has(path))
    return 'no-cache'
  return 'public, max-age=3600'
}

/** Serves the built PWA from `distDir`: cached forever when hashed, revalidated otherwise, index.html for app routes. */
export function mountStatic(app: Hono<any>, distDir: string): void {
  const served = new WeakSet<Context>()
  const onFound = (_path: string, c: Context) => {
    served.add(c)
  }
  // serveStatic builds its response before onFound runs, so the header is set on the way out.
  app.use('*', async (c, next) => {
    await next()
    if (served.has(c))
      c.res.headers.set('Cache-Control', cacheControl(c.req.path))
  })
  app.use('*', serveStatic({ root: distDir, onFound }))
  // Client-side routes (no file extension) get the app shell; a missing /assets/x.js stays a 404.
  const shell = serveStatic({ root: distDir, path: 'index.html', onFound })
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || /\.\w+$/.test(c.req.path))
      return next()
    return shell(c, next)
  })
}
