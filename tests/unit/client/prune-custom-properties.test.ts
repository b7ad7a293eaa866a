import { describe, expect, it } from 'vitest'
import { pruneCustomProperties, pruneInlineStyles } from '../../../scripts/prerender/prune-custom-properties'

describe('pruneCustomProperties', () => {
  it('keeps what a declaration uses, through other properties, and drops the rest', () => {
    const css = ':root{--a:red;--b:var(--a);--c:blue;--d:url("data:image/svg+xml;utf8,<svg/>")}'
      + '.x{color:var(--b)}:root{--toast:var(--c)}@media (min-width:1px){:root{--e:1px}}.y{margin:0}'
    expect(pruneCustomProperties(css)).toBe(':root{--a:red;--b:var(--a)}.x{color:var(--b)}.y{margin:0}')
  })

  it('keeps what inline style attributes use, and what 长辈模式 redefines for a rule', () => {
    const css = ':root{--fs:16px;--w:1px;--gone:0}html.elder{--fs:20px}.t{font-size:var(--fs)}'
    expect(pruneCustomProperties(css, 'width:var(--w)')).toBe(':root{--fs:16px;--w:1px}html.elder{--fs:20px}.t{font-size:var(--fs)}')
  })

  it('prunes each <style> of a page, reading the page\'s style attributes', () => {
    const html = '<style>:root{--a:1px;--b:2px;--z:3px}.p{padding:var(--a)}</style><p class="p" style="margin:var(--b)">字</p>'
    expect(pruneInlineStyles(html)).toBe('<style>:root{--a:1px;--b:2px}.p{padding:var(--a)}</style><p class="p" style="margin:var(--b)">字</p>')
  })
})
