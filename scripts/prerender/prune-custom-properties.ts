import postcss from 'postcss'

const VAR_REF = /var\(\s*(--[\w-]+)/g
const refsIn = (text: string) => [...text.matchAll(VAR_REF)].map(m => m[1]!)

/**
 * The critical CSS without the custom properties the first paint never reads. Beasties keeps every `:root` rule,
 * because `:root` matches the page: for Vant that is a hundred variables of components 首页 does not show (toast,
 * badge, popup…), ~0.8 KB of every first visit's index.html. A property stays when a declaration that is not itself
 * a custom property uses it, directly or through other properties, or when an inline style attribute of the page
 * does (`styleAttributes`). The full stylesheet, which loads after the first paint, defines them all again.
 */
export function pruneCustomProperties(css: string, styleAttributes = ''): string {
  const root = postcss.parse(css)
  const values = new Map<string, string[]>()
  const used = new Set<string>()
  const pending: string[] = []
  const use = (name: string) => {
    if (!used.has(name)) {
      used.add(name)
      pending.push(name)
    }
  }
  root.walkDecls((decl) => {
    if (decl.prop.startsWith('--'))
      values.set(decl.prop, [...(values.get(decl.prop) ?? []), decl.value])
    else
      refsIn(decl.value).forEach(use)
  })
  refsIn(styleAttributes).forEach(use)
  while (pending.length) {
    for (const value of values.get(pending.pop()!) ?? [])
      refsIn(value).forEach(use)
  }
  root.walkDecls((decl) => {
    if (decl.prop.startsWith('--') && !used.has(decl.prop))
      decl.remove()
  })
  root.walkRules((rule) => {
    if (!rule.nodes?.length)
      rule.remove()
  })
  root.walkAtRules((at) => {
    if (at.nodes && !at.nodes.length)
      at.remove()
  })
  return root.toString()
}

/** The page with every inline `<style>` pruned so. */
export function pruneInlineStyles(html: string): string {
  const attributes = [...html.matchAll(/\sstyle="([^"]*)"/g)].map(m => m[1]).join(';')
  return html.replace(/(<style>)([\s\S]*?)(<\/style>)/g, (_m, open: string, css: string, close: string) => `${open}${pruneCustomProperties(css, attributes)}${close}`)
}
