import { describe, expect, it } from 'vitest'
import { clientAddress, trustedProxiesFromEnv } from './client-ip'

describe('client address behind trusted proxies', () => {
  const proxies = new Set(['127.0.0.1', '10.0.0.5'])

  it('ignores X-Forwarded-For unless the socket is a trusted proxy', () => {
    expect(clientAddress('203.0.113.7', '198.51.100.1', proxies)).toBe('203.0.113.7')
    expect(clientAddress('203.0.113.7', '198.51.100.1', new Set())).toBe('203.0.113.7')
    expect(clientAddress('127.0.0.1', undefined, proxies)).toBe('127.0.0.1')
  })

  it('takes the nearest untrusted hop, from the right, so a client cannot pick its own address', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.1', proxies)).toBe('198.51.100.1')
    expect(clientAddress('::ffff:127.0.0.1', '6.6.6.6, 198.51.100.1', proxies)).toBe('198.51.100.1')
    expect(clientAddress('127.0.0.1', '198.51.100.1, 10.0.0.5', proxies)).toBe('198.51.100.1')
    expect(clientAddress('127.0.0.1', '2001:db8::1', proxies)).toBe('2001:db8::1')
  })

  it('stops at a malformed entry, keeping the last trusted address', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.1, not-an-ip', proxies)).toBe('127.0.0.1')
    expect(clientAddress('127.0.0.1', '10.0.0.5', proxies)).toBe('10.0.0.5')
  })

  it('reads TRUST_PROXY, and says in words what is wrong with it', () => {
    expect(trustedProxiesFromEnv({})).toEqual({ proxies: new Set() })
    expect(trustedProxiesFromEnv({ TRUST_PROXY: ' 127.0.0.1, ::1 ,' })).toEqual({ proxies: new Set(['127.0.0.1', '::1']) })
    const bad = trustedProxiesFromEnv({ TRUST_PROXY: '127.0.0.1,nginx' })
    expect(bad).toEqual({ error: expect.stringContaining('"nginx"') })
  })
})
