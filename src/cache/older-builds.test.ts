import { afterEach, describe, expect, it, vi } from 'vitest'
import { replaceOlderBuilds, unhashedPath } from './older-builds'

describe('unhashedPath', () => {
  it('drops the build hash, keeps the name and extension', () => {
    expect(unhashedPath('https://a.cn/assets/photo-worker-3fA9x_Lq.js')).toBe('/assets/photo-worker.js')
    expect(unhashedPath('https://a.cn/assets/browser-image-compression-Ab-d1234.js')).toBe('/assets/browser-image-compression.js')
    expect(unhashedPath('https://a.cn/assets/xlsx-00000000.js?v=1')).toBe('/assets/xlsx.js')
    expect(unhashedPath('https://a.cn/index.html')).toBeUndefined()
  })
})

/** Cache Storage as the service worker has it, in memory: keyed by URL. */
function memoryCaches() {
  const stores = new Map<string, Map<string, Response>>()
  const open = async (name: string) => {
    const store = stores.get(name) ?? new Map<string, Response>()
    stores.set(name, store)
    return {
      keys: async () => [...store.keys()].map(url => new Request(url)),
      delete: async (request: Request) => store.delete(request.url),
      put: async (request: Request, response: Response) => void store.set(request.url, response),
    }
  }
  return { stores, caches: { open } }
}

afterEach(() => vi.unstubAllGlobals())

describe('replaceOlderBuilds', () => {
  it('keeps one build of each tool in its cache, and leaves other files alone', async () => {
    const { stores, caches } = memoryCaches()
    vi.stubGlobal('caches', caches)
    const cache = await caches.open('photo-tools')
    const base = 'https://a.cn/assets/'
    for (const file of ['photo-worker-OLD00001.js', 'browser-image-compression-OLD00001.js', 'photo-worker-NEW00002.js'])
      await cache.put(new Request(base + file), new Response(''))
    const plugin = replaceOlderBuilds()
    await plugin.cacheDidUpdate!({ cacheName: 'photo-tools', request: new Request(`${base}photo-worker-NEW00002.js`), newResponse: new Response(''), event: undefined as never, state: {} })
    expect([...stores.get('photo-tools')!.keys()].sort()).toEqual([`${base}browser-image-compression-OLD00001.js`, `${base}photo-worker-NEW00002.js`])
  })
})
