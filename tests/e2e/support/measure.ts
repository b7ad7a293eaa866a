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
          out.push({ what: `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 20)}"`, width: Math.round(r.width), height: Math.round(r.height) })
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
