import postcss from 'postcss'
import { describe, expect, it } from 'vitest'
import { dropVantIconFont } from '../../../scripts/postcss-drop-vant-icon-font'

// The app draws its icons as inline SVG (AppIcon.vue); Vant's icon font and glyph rules would only cost bytes.
describe('dropVantIconFont', () => {
  it('drops the vant-icon font and its glyph rules, and keeps everything else', async () => {
    const css = `
@font-face { font-family: vant-icon; src: url(data:font/woff2;base64,AAAA) format("woff2"), url(https://at.alicdn.com/x.woff) }
@font-face { font-family: other; src: url(other.woff2) }
.van-icon { position: relative; display: inline-block }
.van-icon-arrow:before { content: "\\e600" }
.van-icon-arrow-left::before, .van-icon-cross:before { content: "\\e601" }
.van-icon-arrow:before, .keep:before { content: "" }
.van-popup { position: fixed }`
    const out = (await postcss([dropVantIconFont()]).process(css, { from: undefined })).css
    expect(out).not.toMatch(/vant-icon|alicdn|data:font|\\e60/)
    expect(out).toContain('font-family: other')
    expect(out).toContain('.van-icon { position: relative')
    expect(out).toContain('.keep:before')
    expect(out).toContain('.van-popup')
  })
})
