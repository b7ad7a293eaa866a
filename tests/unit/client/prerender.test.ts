import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { bootScript } from '../../../scripts/prerender/boot-script'
import { DEFERRED_STYLESHEET_ATTR, injectPrerender, lowPriorityStylesheets } from '../../../scripts/prerender/inject'
import { ELDER_MODE_KEY, FONT_SIZE_KEY } from '../../../src/stores/display-size'

/** Runs the boot script against a stand-in page: what it leaves on <html>. */
function boot(base: string, path: string, stored: Record<string, string> | 'throws') {
  const classes = new Set<string>()
  const root = { style: { fontSize: '' }, classList: { add: (c: string) => classes.add(c) } }
  const localStorage = stored === 'throws'
    ? { getItem: () => { throw new Error('SecurityError') } }
    : { getItem: (k: string) => stored[k] ?? null }
  runInNewContext(bootScript(base), { document: { documentElement: root }, localStorage, location: { pathname: path } })
  return { fontSize: root.style.fontSize, classes: [...classes].sort() }
}

describe('the boot script', () => {
  it('sizes the page as the settings store would, before the app runs', () => {
    expect(boot('/', '/', {})).toEqual({ fontSize: '16px', classes: [] })
    expect(boot('/', '/', { [FONT_SIZE_KEY]: 'xlarge' })).toEqual({ fontSize: '20px', classes: [] })
    expect(boot('/', '/', { [ELDER_MODE_KEY]: 'true' })).toEqual({ fontSize: '20px', classes: ['elder'] })
    expect(boot('/', '/', { [ELDER_MODE_KEY]: 'true', [FONT_SIZE_KEY]: 'large' })).toEqual({ fontSize: '22px', classes: ['elder'] })
    expect(boot('/', '/', { [ELDER_MODE_KEY]: 'false', [FONT_SIZE_KEY]: 'bogus' })).toEqual({ fontSize: '16px', classes: [] })
  })

  it('hides the prerendered 首页 on every other route, under the app base too', () => {
    expect(boot('/', '/deck', {}).classes).toEqual(['not-home'])
    expect(boot('/', '/point/x', { [ELDER_MODE_KEY]: 'true' }).classes).toEqual(['elder', 'not-home'])
    expect(boot('/', '/index.html', {}).classes).toEqual([])
    expect(boot('/app/', '/app/', {}).classes).toEqual([])
    expect(boot('/app/', '/app', {}).classes).toEqual([])
    expect(boot('/app/', '/app/favorites', {}).classes).toEqual(['not-home'])
    expect(boot('/app/', '/', {}).classes).toEqual(['not-home'])
  })

  it('still decides the route when storage is refused', () => {
    expect(boot('/', '/deck', 'throws')).toEqual({ fontSize: '', classes: ['not-home'] })
  })
})

describe('injectPrerender', () => {
  const page = '<!doctype html><html><head>\n<meta charset="UTF-8" />\n<title>t</title></head><body><div id="app"></div></body></html>'

  it('puts the app inside #app and the boot script first in <head>', () => {
    const out = injectPrerender(page, '<main>$& 首页</main>', 'boot()')
    expect(out).toContain('<div id="app"><div data-prerender><main>$& 首页</main><span id="prerender-end" hidden></span></div></div>')
    // The first paint waits for the whole prerendered page, never a half-parsed one.
    expect(out).toContain('<link rel="expect" href="#prerender-end" blocking="render">')
    expect(out.indexOf('rel="expect"')).toBeLessThan(out.indexOf('<title>'))
    expect(out.indexOf('<script>boot()</script>')).toBeLessThan(out.indexOf('<title>'))
    expect(out).toContain('html.not-home [data-prerender]{display:none}')
  })

  it('refuses a page it cannot place the app in', () => {
    expect(() => injectPrerender(page.replace('<div id="app"></div>', ''), '<main/>', 'boot()')).toThrow(/#?app/)
  })

  it('refuses a boot script that would end its own element', () => {
    expect(() => injectPrerender(page, '<main/>', 'x="</script><script>evil()"')).toThrow(/inlined/)
  })
})

describe('lowPriorityStylesheets', () => {
  it('loads the stylesheets at the end of <body> as print, marked for the app to turn on', () => {
    const page = '<html><head><link rel="stylesheet" href="/head.css"></head><body><p>字</p>'
      + '<link rel="stylesheet" crossorigin href="/assets/style-1.css"><link rel="stylesheet" media="screen" href="/m.css"></body></html>'
    const out = lowPriorityStylesheets(page)
    expect(out).toContain('<link rel="stylesheet" href="/head.css">')
    expect(out).toContain(`<link rel="stylesheet" media="print" ${DEFERRED_STYLESHEET_ATTR} crossorigin href="/assets/style-1.css">`)
    expect(DEFERRED_STYLESHEET_ATTR).toBe('data-deferred')
    // One that names its media already is left as it is.
    expect(out).toContain('<link rel="stylesheet" media="screen" href="/m.css"></body>')
  })
})
