import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, PHONE, waitForServiceWorker } from './support/browser'
import { BASE_URL } from './support/env'

interface ManifestIcon { src: string, sizes: string, type?: string, purpose?: string }

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number, height: number } {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

describe('installability', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('links a Chinese manifest with 192, 512 and maskable icons and runs under a service worker', async () => {
    const context = await browser.newContext(PHONE)
    const page = await context.newPage()
    await page.goto(BASE_URL)

    const href = await page.locator('link[rel="manifest"]').getAttribute('href')
    expect(href).toBeTruthy()
    const manifestUrl = new URL(href!, BASE_URL).toString()
    const res = await page.request.get(manifestUrl)
    expect(res.ok()).toBe(true)
    const manifest = JSON.parse(await res.text()) as Record<string, unknown> & { icons: ManifestIcon[], shortcuts?: { name: string, url: string }[] }

    expect(manifest.name).toBe('要点通')
    expect(manifest.short_name).toBeTruthy()
    expect(manifest.lang).toBe('zh-CN')
    expect(String(manifest.description)).toMatch(/[\u4E00-\u9FFF]/)
    expect(manifest.display).toBe('standalone')
    expect(manifest.start_url).toBe('/')
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i)
    expect(manifest.shortcuts?.map(s => s.name)).toContain('我的收藏')

    const any192 = manifest.icons.find(i => i.sizes === '192x192' && (i.purpose ?? 'any').includes('any'))
    const any512 = manifest.icons.find(i => i.sizes === '512x512' && (i.purpose ?? 'any').includes('any'))
    const maskable = manifest.icons.find(i => (i.purpose ?? '').includes('maskable'))
    for (const [icon, size] of [[any192, 192], [any512, 512], [maskable, 512]] as const) {
      expect(icon).toBeDefined()
      const png = await page.request.get(new URL(icon!.src, manifestUrl).toString())
      expect(png.ok()).toBe(true)
      expect(png.headers()['content-type']).toContain('image/png')
      expect(pngSize(await png.body())).toEqual({ width: size, height: size })
    }

    await waitForServiceWorker(page)
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${BASE_URL}/sw.js`)

    // Chromium's own verdict on the manifest.
    const cdp = await context.newCDPSession(page)
    const parsed = await cdp.send('Page.getAppManifest', {})
    expect(parsed.errors).toEqual([])
    expect(parsed.url).toBe(manifestUrl)
    expect(JSON.parse(parsed.data ?? '{}').name).toBe('要点通')
    await context.close()
  })
})
