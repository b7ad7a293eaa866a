import type { Context, MiddlewareHandler } from 'hono'
import type { Coding } from './accept-encoding'
import { createReadStream, statSync } from 'node:fs'
import { join, sep } from 'node:path'
import { Readable } from 'node:stream'
import { getMimeType } from 'hono/utils/mime'
import { chooseCoding, CODINGS } from './accept-encoding'

/** Where the build puts each coding's copy of a file (scripts/precompress.ts). */
const COPY_EXT: Record<Coding, string> = { br: '.br', gzip: '.gz' }

function fileSize(path: string): { size: number, mtime: Date } | undefined {
  try {
    const stats = statSync(path)
    return stats.isFile() ? stats : undefined
  }
  catch {
    return undefined
  }
}

/** The file under `root` a request path names, by serveStatic's rules (no dot segments, no `%` after decoding). */
function fileFor(root: string, path: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURI(path)
  }
  catch {
    return undefined
  }
  if (decoded.includes('%') || /(?:^|[/\\])\.{1,2}(?:$|[/\\])|[/\\]{2,}|\\/.test(decoded))
    return undefined
  const file = join(root, decoded.endsWith('/') ? `${decoded}index.html` : decoded)
  return file.startsWith(root.endsWith(sep) ? root : `${root}${sep}`) ? file : undefined
}

/**
 * Sends the build's brotli or gzip copy of a file (file.br, file.gz) when the client accepts it, with
 * Content-Encoding, the copy's Content-Length and the original's Content-Type; `Vary: Accept-Encoding` goes on
 * every answer for a file that has copies, identity included, so caches keep the variants apart. Identity,
 * Range requests (ranges count bytes of the identity file) and files without copies are left to the next
 * handler (serveStatic). `path` fixes the file (the SPA shell); `onServed` runs when a copy is sent.
 */
export function precompressed(root: string, options: { path?: string, onServed?: (c: Context) => void } = {}): MiddlewareHandler {
  return async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.req.header('range'))
      return next()
    const file = options.path ? join(root, options.path) : fileFor(root, c.req.path)
    const original = file && fileSize(file)
    if (!file || !original)
      return next()
    const copies = CODINGS.flatMap((coding) => {
      const stats = fileSize(`${file}${COPY_EXT[coding]}`)
      return stats ? [{ coding, size: stats.size }] : []
    })
    if (!copies.length)
      return next()
    c.header('Vary', 'Accept-Encoding', { append: true })
    const coding = chooseCoding(c.req.header('accept-encoding'), copies.map(x => x.coding))
    const copy = copies.find(x => x.coding === coding)
    if (!copy)
      return next()
    c.header('Content-Type', getMimeType(file) ?? 'application/octet-stream')
    c.header('Content-Encoding', copy.coding)
    c.header('Content-Length', String(copy.size))
    c.header('Last-Modified', original.mtime.toUTCString())
    options.onServed?.(c)
    if (c.req.method === 'HEAD')
      return c.body(null, 200)
    return c.body(Readable.toWeb(createReadStream(`${file}${COPY_EXT[copy.coding]}`)) as ReadableStream, 200)
  }
}
