import type { Context } from 'hono'
import { HttpError, UNREAD_BODY_HEADERS } from './errors'

export const DEFAULT_BODY_LIMIT = 1024 * 1024

/**
 * How much of a too-large body is still read and thrown away before answering 413.
 * Closing on unread bytes makes the kernel reset the connection, and a reset can
 * overtake our answer: the client would see a dropped connection, not the reason.
 */
const DISCARD_BYTES = 8 * 1024 * 1024
const DISCARD_MS = 2000

/**
 * Reads a JSON request body of at most `maxBytes`. The limit is counted while
 * the stream is read, so chunked bodies without Content-Length cannot grow past it.
 */
export async function readJsonBody(c: Context, maxBytes = DEFAULT_BODY_LIMIT): Promise<unknown> {
  const type = c.req.header('content-type') ?? ''
  if (!/^application\/json\s*(?:;|$)/i.test(type))
    throw new HttpError(415, 'Content-Type must be application/json')
  const stream = c.req.raw.body
  const declared = c.req.header('content-length')
  if (declared !== undefined && Number(declared) > maxBytes)
    throw await tooLarge(stream?.getReader(), maxBytes, Number(declared))
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
    if (size > maxBytes)
      throw await tooLarge(reader, maxBytes, size)
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

/**
 * The 413 for a body past the limit. A body that ends within the discard budget is read
 * to its end, so the connection stays usable; a longer one is cut off and the answer
 * says the connection closes.
 */
async function tooLarge(reader: ReadableStreamDefaultReader<Uint8Array> | undefined, maxBytes: number, seen: number): Promise<HttpError> {
  const message = `body larger than ${maxBytes} bytes`
  if (!reader || !(await discardRest(reader, seen))) {
    await reader?.cancel().catch(() => {})
    return new HttpError(413, message, UNREAD_BODY_HEADERS)
  }
  return new HttpError(413, message)
}

/** True when the body ended within the budget (counting the `seen` bytes already read). */
async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>, seen: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(resolve, DISCARD_MS, 'expired')
  })
  try {
    for (let size = seen; size <= DISCARD_BYTES;) {
      const next = await Promise.race([reader.read(), expired])
      if (next === 'expired')
        return false
      if (next.done)
        return true
      size += next.value.byteLength
    }
    return false
  }
  catch {
    return false
  }
  finally {
    clearTimeout(timer)
  }
}
