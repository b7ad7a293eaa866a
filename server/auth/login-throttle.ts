import type { Store } from '../store/store'
import { createHash } from 'node:crypto'
import { isIPv6 } from 'node:net'
import { forgetAttempts, recentAttempts, recordAttempts, sweepAttempts } from '../storage/login-attempts'

export interface LoginThrottleOptions {
  /** Failed sign-ins per account name in a window, from any number of addresses (5). */
  perAccount: number
  /** Failed sign-ins per source address in a window, over any names (20). */
  perAddress: number
  /** The rolling window (60 s); Retry-After is never longer. */
  windowMs: number
  now: () => number
}

export const DEFAULT_LOGIN_THROTTLE: Omit<LoginThrottleOptions, 'now'> = { perAccount: 5, perAddress: 20, windowMs: 60_000 }

/** An attempt let through: report how it went. */
export interface LoginAttempt {
  /** The password was right: the attempt does not count. */
  succeeded: () => Promise<void>
}

/** The address a throttle counts: IPv4 (also when IPv4-mapped) as is, IPv6 by its /64, which one host usually holds whole. */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped)
    return mapped[1]!
  if (!isIPv6(address))
    return address
  const [head = '', tail = ''] = address.toLowerCase().split('::')
  const left = head ? head.split(':') : []
  const right = address.includes('::') ? (tail ? tail.split(':') : []) : []
  const groups = [...left, ...Array.from({ length: Math.max(0, 8 - left.length - right.length) }, () => '0'), ...right]
  return `${groups.slice(0, 4).map(g => g.replace(/^0+(?=.)/, '')).join(':')}::/64`
}

// Keys are hashed so the table never holds what was typed as a name (sometimes a password).
const keyHash = (key: string) => createHash('sha256').update(key).digest('base64url')

// Advisory locks in their own (two-key) space, apart from the migration and unit locks.
const THROTTLE_LOCK = 7_242_002

/**
 * Sign-in throttling kept in the store, so it holds across source addresses and, on PostgreSQL, across server
 * processes: at most `perAccount` failures per name and `perAddress` per address in a rolling window. An attempt
 * is counted and written down in one transaction holding advisory locks on its keys, so parallel attempts take
 * turns and no more than the limit are ever tried; one that succeeds is deleted again. Over a limit, the caller
 * answers 429 without running scrypt.
 */
export function createLoginThrottle(store: Store, options: Partial<LoginThrottleOptions> = {}) {
  const { perAccount, perAddress, windowMs } = { ...DEFAULT_LOGIN_THROTTLE, ...options }
  const now = options.now ?? Date.now
  let sweptAt = 0

  return {
    /** Starts an attempt on `name` from `address`: the seconds to wait when over a limit, else the attempt. */
    async begin(name: string, address: string): Promise<{ wait: number } | LoginAttempt> {
      const at = now()
      const since = new Date(at - windowMs)
      if (at - sweptAt >= windowMs) {
        sweptAt = at
        await sweepAttempts(store, since)
      }
      const account = keyHash(`account\n${name.normalize('NFC').toLowerCase()}`)
      const from = keyHash(`address\n${addressKey(address)}`)
      const outcome = await store.transaction(async (tx) => {
        // Sorted, so two attempts never wait for each other's second lock.
        for (const key of [account, from].sort())
          await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [THROTTLE_LOCK, key])
        const recent = await recentAttempts(tx, [account, from], since)
        let wait = 0
        for (const [key, limit] of [[account, perAccount], [from, perAddress]] as const) {
          const times = recent.filter(o => o.keyHash === key).map(o => o.at)
          // Allowed again once fewer than `limit` are left in the window: when the limit-th newest leaves it.
          if (times.length >= limit)
            wait = Math.max(wait, times[limit - 1]! + windowMs - at)
        }
        return wait > 0 ? { wait, ids: [] } : { wait: 0, ids: await recordAttempts(tx, [account, from], new Date(at)) }
      })
      if (outcome.wait > 0)
        return { wait: Math.min(Math.ceil(windowMs / 1000), Math.max(1, Math.ceil(outcome.wait / 1000))) }
      return { succeeded: () => forgetAttempts(store, outcome.ids) }
    },
  }
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>
