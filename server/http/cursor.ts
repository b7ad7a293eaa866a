import { HttpError } from './errors'

// Versioned so the encoding can change without old clients' cursors being misread.
const PREFIX = 'v1:'

/** The opaque pull cursor for a position in the server's change sequence. */
export function encodeCursor(seq: bigint): string {
  return Buffer.from(`${PREFIX}${seq}`).toString('base64url')
}

/** The position a cursor stands for; an absent or empty cursor is the start. Throws 400 on anything else. */
export function decodeCursor(cursor: string | undefined): bigint {
  if (cursor === undefined || cursor === '')
    return 0n
  const text = /^[\w-]{1,40}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : ''
  const match = /^v1:(\d{1,18})$/.exec(text)
  if (!match || encodeCursor(BigInt(match[1]!)) !== cursor)
    throw new HttpError(400, 'invalid cursor: pass back the nextCursor of an earlier pull')
  return BigInt(match[1]!)
}
