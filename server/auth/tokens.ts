import { createHash, randomBytes } from 'node:crypto'

export const TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000

/** A new bearer token: 32 random bytes, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** What the sessions table keeps of a token: its sha256, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
