import type { Plugin } from 'postcss'

/** A glyph rule of Vant's icon font: `.van-icon-arrow:before { content: "\e600" }`. */
const GLYPH_SELECTOR = /^\.van-icon-[\w-]+::?before$/

/**
 * Drops Vant's icon font (`@font-face { font-family: vant-icon … }`) and its glyph rules (some 260
 * `.van-icon-<name>:before`, about 20 KB) from the CSS the build emits. The app draws its own SVG icons
 * (AppIcon.vue) and renders no Vant icon; the font costs tens of KB of CSS, and its fallback source on
 * at.alicdn.com is refused by the Content-Security-Policy, which Chromium reports as a console error.
 */
export function dropVantIconFont(): Plugin {
  return {
    postcssPlugin: 'drop-vant-icon-font',
    AtRule: {
      'font-face': (rule) => {
        if (rule.nodes?.some(node => node.type === 'decl' && node.prop === 'font-family' && /vant-icon/.test(node.value)))
          rule.remove()
      },
    },
    Rule: (rule) => {
      if (rule.selectors.every(selector => GLYPH_SELECTOR.test(selector.trim())))
        rule.remove()
    },
  }
}
