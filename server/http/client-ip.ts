import { isIP } from 'node:net'

// IPv4 clients of a dual-stack socket show up as ::ffff:a.b.c.d; the proxy list is written as a.b.c.d.
const plain = (address: string) => address.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1')

/**
 * TRUST_PROXY: the addresses of the reverse proxies in front of this server, comma-separated. Unset, nobody is
 * trusted and `X-Forwarded-For` is ignored (any client could write one).
 */
export function trustedProxiesFromEnv(env: Record<string, string | undefined>): { proxies: ReadonlySet<string> } | { error: string } {
  const raw = env.TRUST_PROXY?.trim()
  if (!raw)
    return { proxies: new Set() }
  const entries = raw.split(',').map(plain).filter(Boolean)
  const bad = entries.filter(e => isIP(e) === 0)
  if (bad.length)
    return { error: `TRUST_PROXY must list the proxies' IP addresses, comma-separated (not an address: ${bad.map(b => `"${b}"`).join(', ')})` }
  return { proxies: new Set(entries) }
}

/**
 * The client's address: the socket's, or, when the socket is a trusted proxy, the nearest address in
 * `X-Forwarded-For` that is not one. Read from the right: each proxy appends the address it saw, and only the
 * entries written by trusted proxies can be believed; whatever the client itself put at the left is not.
 */
export function clientAddress(socket: string, forwardedFor: string | undefined, trusted: ReadonlySet<string>): string {
  let address = plain(socket)
  if (!trusted.has(address) || !forwardedFor)
    return address
  const hops = forwardedFor.split(',').map(plain).filter(Boolean)
  while (trusted.has(address) && hops.length) {
    const next = hops.pop()!
    // A malformed entry ends the chain: the last address we could trust stands.
    if (isIP(next) === 0)
      break
    address = next
  }
  return address
}
