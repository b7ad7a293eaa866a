import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

// N=2^15 costs ~32 MiB and tens of milliseconds per sign-in: slow for guessing, fine for people. Under Vitest
// (also in the servers and commands its tests spawn) hashes are made cheaply: the suites sign in hundreds of
// times on small CI machines, and each hash carries its own cost, so nothing else changes.
const DEFAULT_COST = process.env.VITEST ? { N: 2 ** 10, r: 8, p: 1 } : { N: 2 ** 15, r: 8, p: 1 }
const KEY_LENGTH = 32

function derive(password: string, salt: Buffer, cost: { N: number, r: number, p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...cost, maxmem: 256 * cost.N * cost.r }, (error, key) => {
      if (error)
        reject(error)
      else resolve(key)
    })
  })
}

/** Hashes a password with scrypt and a fresh 16-byte salt, as `scrypt$N$r$p$salt$hash`. */
export async function hashPassword(password: string, cost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, cost)
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/** True when `password` matches a hash made by hashPassword (compared in constant time). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash)
    return false
  const expected = Buffer.from(hash, 'base64url')
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

let dummy: Promise<string> | undefined
/** A hash of a random password, checked when the name is unknown so response time does not tell names apart. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'))
  return dummy
}
