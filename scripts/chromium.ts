import type { BrowserContextOptions } from 'playwright-core'

/** Debian's Chromium: Playwright cannot download its own browser here. */
export const CHROMIUM_PATH = '/usr/bin/chromium'

/** Without the background-networking flags Chromium keeps dialling Google hosts this machine cannot reach. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

/** A phone: 390×844, touch, mobile, Chinese locale and time zone. Browser tests, screenshots and the bench share it. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  hasTouch: true,
  isMobile: true,
  deviceScaleFactor: 1,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
}
