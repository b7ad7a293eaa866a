import type { Page } from 'playwright-core'

export interface Offender { what: string, width: number, height: number }

/** Visible interactive elements (inside `scope`) smaller than min×min CSS px. */
export function smallTargets(page: Page, scope: string, min: number): Promise<Offender[]> {
  return page.evaluate(({ scope, min }) => {
    const out: { what: string, width: number, height: number }[] = []
    for (const root of document.querySelectorAll(scope)) {
      for (const el of root.querySelectorAll<HTMLElement>('a[href], button, input, textarea, select, summary, [role="radio"], [role="switch"]')) {
        if (el.closest('[inert], [aria-hidden="true"]'))
          continue
        const r = el.getBoundingClientRect()
        const style = getComputedStyle(el)
        if (r.width === 0 || r.height === 0 || style.visibility === 'hidden')
          continue
        if (r.width < min - 0.5 || r.height < min - 0.5)
          out.push({ what: `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(/\s+/).join('.')}` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 20)}"`, width: Math.round(r.width), height: Math.round(r.height) })
      }
    }
    return out
  }, { scope, min })
}

/** Contrast ratio of each matched element's text against the first opaque background behind it. */
export function contrastRatios(page: Page, selectors: string[]): Promise<{ selector: string, ratio: number }[]> {
  return page.evaluate((selectors) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number)
    const lum = ([r = 0, g = 0, b = 0]: number[]) => {
      const f = (v: number) => {
        const s = v / 255
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      }
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
    }
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor)
        if (c.length >= 3 && (c.length === 3 || (c[3] ?? 0) > 0.9))
          return c.slice(0, 3)
      }
      return [255, 255, 255]
    }
    const out: { selector: string, ratio: number }[] = []
    for (const selector of selectors) {
      for (const el of document.querySelectorAll(selector)) {
        if (el.closest('[inert]'))
          continue
        const a = lum(rgb(getComputedStyle(el).color))
        const b = lum(background(el))
        out.push({ selector, ratio: Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 100) / 100 })
      }
    }
    return out
  }, selectors)
}

/** Computed font size (px) and line height ratio of an element. */
export function textMetrics(page: Page, selector: string): Promise<{ fontSize: number, lineHeight: number }> {
  return page.locator(selector).first().evaluate((el) => {
    const s = getComputedStyle(el)
    const fontSize = Number.parseFloat(s.fontSize)
    const lh = s.lineHeight === 'normal' ? 1.2 * fontSize : Number.parseFloat(s.lineHeight)
    return { fontSize, lineHeight: lh / fontSize }
  })
}

/** Visible h1–h4 headings (outside inert or hidden parts) with their font sizes, and the body's. */
export function headingSizes(page: Page): Promise<{ body: number, headings: { text: string, tag: string, size: number }[] }> {
  return page.evaluate(() => {
    const headings: { text: string, tag: string, size: number }[] = []
    for (const el of document.querySelectorAll<HTMLElement>('.app-main h1, .app-main h2, .app-main h3, .app-main h4')) {
      if (el.closest('[inert], [aria-hidden="true"]') || el.getClientRects().length === 0)
        continue
      headings.push({ text: (el.textContent ?? '').trim().slice(0, 20), tag: el.tagName.toLowerCase(), size: Number.parseFloat(getComputedStyle(el).fontSize) })
    }
    return { body: Number.parseFloat(getComputedStyle(document.body).fontSize), headings }
  })
}

/**
 * Text that does not fit: the page scrolls sideways, an element's text runs past the viewport, text clipped by an
 * overflow-hidden box, or two runs of text drawn over each other (line boxes of different text nodes overlapping).
 */
export function textLayoutFaults(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const faults: string[] = []
    const vw = document.documentElement.clientWidth
    if (document.documentElement.scrollWidth > vw + 1)
      faults.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${vw}`)
    const hidden = (el: Element) => {
      if (el.closest('[inert], [aria-hidden="true"], .van-popup, .visually-hidden'))
        return true
      for (let e: Element | null = el; e; e = e.parentElement) {
        const s = getComputedStyle(e)
        if (s.visibility === 'hidden' || s.opacity === '0' || s.display === 'none')
          return true
      }
      return false
    }
    const walker = document.createTreeWalker(document.querySelector('#app') ?? document.body, NodeFilter.SHOW_TEXT)
    const runs: { label: string, rects: DOMRect[] }[] = []
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim()
      const parent = node.parentElement
      if (!text || !parent || hidden(parent))
        continue
      const range = document.createRange()
      range.selectNodeContents(node)
      const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0)
      const label = `"${text.slice(0, 16)}" in .${[...parent.classList].join('.') || parent.tagName.toLowerCase()}`
      if (rects.some(r => r.right > vw + 1 || r.left < -1))
        faults.push(`${label} runs past the screen edge`)
      // Clipped: cut off by an ancestor that hides its overflow (a carousel's hidden slides are inert, so not here).
      let fixed = false
      for (let e: HTMLElement | null = parent; e && e !== document.body; e = e.parentElement) {
        const s = getComputedStyle(e)
        if (s.position === 'fixed' || s.position === 'sticky')
          fixed = true
        const box = e.getBoundingClientRect()
        const hidesX = s.overflowX === 'hidden' || s.overflowX === 'clip'
        const hidesY = s.overflowY === 'hidden' || s.overflowY === 'clip'
        const cut = rects.some(r => (hidesX && (r.right > box.right + 1 || r.left < box.left - 1)) || (hidesY && (r.bottom > box.bottom + 1 || r.top < box.top - 1)))
        if (cut || (s.textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1)) {
          faults.push(`${label} is clipped by .${[...e.classList].join('.') || e.tagName.toLowerCase()}`)
          break
        }
      }
      // Content scrolls under fixed bars (the tabbar) by design: overlap is judged among the page's own flow.
      if (fixed)
        continue
      runs.push({ label, rects })
    }
    const overlap = (a: DOMRect, b: DOMRect) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top))
    for (let i = 0; i < runs.length; i++) {
      for (let j = i + 1; j < runs.length; j++) {
        if (runs[i]!.rects.some(a => runs[j]!.rects.some(b => overlap(a, b) > 0.25 * Math.min(a.width * a.height, b.width * b.height))))
          faults.push(`${runs[i]!.label} overlaps ${runs[j]!.label}`)
      }
    }
    return faults
  })
}
