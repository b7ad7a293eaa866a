import type { Context } from 'hono'
import { HttpError } from './errors'

export const DEFAULT_BODY_LIMIT = 1024 * 1024

/**
 * Reads a JSON request body of at most `maxBytes`. The limit is counted while
 * the stream is read, so chunked bodies without Content-Length cannot grow past it.
 */
export async function readJsonBody(c: Context, maxBytes = DEFAULT_BODY_LIMIT): Promise<unknown> {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/json\s*(?:;|$)/i.test(type))
    throw new HttpError(415, 'Content-Type must be application/json')
  const declared = c.req.header('content-length')
  if (declared !== undefined && Number(declared) > maxBytes)
    throw new HttpError(413, `body larger than ${maxBytes} bytes`)
  const stream = c.req.raw.body
  if (!stream)
    throw new HttpError(400, 'request body is empty')
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done)
      break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => {})
      throw new HttpError(413, `body larger than ${maxBytes} bytes`)
    }
    chunks.push(value)
  }
  if (size === 0)
    throw new HttpError(400, 'request body is empty')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks))
  }
  catch {
    throw new HttpError(400, 'body is not valid UTF-8')
  }
  try {
    return JSON.parse(text)
  }
  catch {
    throw new HttpError(400, 'body is not valid JSON')
  }
}
