import type { MiddlewareHandler } from 'hono'
import type { Coding } from './accept-encoding'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import { chooseCoding, CODINGS } from './accept-encoding'

/** Smaller bodies gain next to nothing (they fit a packet either way) and are sent as they are. */
export const API_COMPRESS_THRESHOLD = 1024

// On the fly, per request: brotli 5 and gzip 6 are the usual speed/size middle (max levels cost ~10× the CPU).
const ENCODERS: Record<Coding, (body: Uint8Array) => Promise<Buffer>> = {
  br: body => promisify(brotliCompress)(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: body => promisify(gzip)(body, { level: 6 }),
}
const COMPRESSIBLE = /^(?:application\/(?:[\w.+-]+\+)?json|text\/)/i
const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i
/** Bodies with a strong ETag are the same bytes every time (the plan data): keep their last few compressions. */
const CACHE_ENTRIES = 8

/**
 * Compresses /api responses of at least `threshold` bytes (JSON and text) with brotli or gzip as the client
 * accepts them: sets Content-Encoding, the new Content-Length and `Vary: Accept-Encoding` (on the identity
 * answer to such a body too), and weakens a strong ETag, since the encoded bytes are another representation.
 * Leaves alone small bodies, statuses without a full body, already encoded and no-transform responses.
 * The body is read whole: /api answers are built in memory anyway.
 *
 * Only GET answers are looked at. The large ones are reads (pull pages, plan data); a push answer is a short
 * per-mutation list. Reading a body turns @hono/node-server's lightweight Response into a web-stream one
 * and rebuilding it costs more than the push itself at load (profiled in BENCHMARKS.md), so writes and health
 * checks never pay for it. The cheap header tests run before the body is touched for the same reason.
 */
export function compressApi(threshold = API_COMPRESS_THRESHOLD): MiddlewareHandler {
  const cache = new Map<string, Buffer>()
  return async (c, next) => {
    await next()
    const res = c.res
    if (c.req.method !== 'GET' || res.status !== 200 || res.headers.has('Content-Encoding')
      || !COMPRESSIBLE.test(res.headers.get('Content-Type') ?? '') || NO_TRANSFORM.test(res.headers.get('Cache-Control') ?? '') || !res.body) {
      return
    }
    const body = new Uint8Array(await res.arrayBuffer())
    const headers = new Headers(res.headers)
    let out: Uint8Array<ArrayBuffer> = body
    if (body.length >= threshold) {
      const vary = headers.get('Vary')
      if (!vary || !/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary))
        headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding')
      const coding = chooseCoding(c.req.header('accept-encoding'), CODINGS)
      if (coding !== 'identity') {
        const etag = headers.get('ETag')
        const key = etag && !etag.startsWith('W/') ? `${coding} ${etag}` : undefined
        let encoded = key ? cache.get(key) : undefined
        if (!encoded) {
          encoded = await ENCODERS[coding](body)
          if (key) {
            cache.set(key, encoded)
            if (cache.size > CACHE_ENTRIES)
              cache.delete(cache.keys().next().value!)
          }
        }
        out = new Uint8Array(encoded.buffer as ArrayBuffer, encoded.byteOffset, encoded.length)
        headers.set('Content-Encoding', coding)
        if (etag && !etag.startsWith('W/'))
          headers.set('ETag', `W/${etag}`)
      }
    }
    headers.set('Content-Length', String(out.length))
    c.res = new Response(out, { status: res.status, statusText: res.statusText, headers })
    // Hono copies the old response's headers over the new one's: set the changed ones again.
    for (const name of ['Content-Length', 'Content-Encoding', 'ETag', 'Vary']) {
      const value = headers.get(name)
      if (value !== null)
        c.res.headers.set(name, value)
    }
  }
}
