import { describe, expect, it } from 'vitest'
import { normalizeText, simplify } from '../../../src/ingest/normalize'

describe('normalizeText', () => {
  it('converts Traditional to Simplified and counts it', () => {
    const r = normalizeText('湖南省人民政府辦公廳關于印發《湖南省2022年政務公開工作要點》的通知')
    expect(r.text).toBe('湖南省人民政府办公厅关于印发《湖南省2022年政务公开工作要点》的通知')
    expect(r.repairs.traditionalChars).toBeGreaterThan(5)
  })

  it('leaves Simplified text alone', () => {
    expect(simplify('着力推进“一件事一次办”，于年底前完成。').changed).toBe(0)
  })

  it('widens half-width punctuation in Chinese text but not in ASCII contexts', () => {
    const r = normalizeText('(一)强化支撑,推进服务:见http://www.hunan.gov.cn/a.html,时间15:55。(省政务局牵头)')
    expect(r.text).toBe('（一）强化支撑，推进服务：见http://www.hunan.gov.cn/a.html，时间15:55。（省政务局牵头）')
    expect(r.repairs.halfWidthPunctuation).toBeGreaterThan(3)
  })

  it('folds full-width letters and digits', () => {
    expect(normalizeText('上线ＡＰＰ事项１００００项').text).toBe('上线APP事项10000项')
  })

  it('drops PDF page markers and page-number lines', () => {
    const r = normalizeText('第一行\n# Page 1081:\n第二行\n- 12 -\n第 3 页 共 9 页\n第三行')
    expect(r.text).toBe('第一行\n第二行\n第三行')
    expect(r.repairs.pageMarkers).toBe(3)
  })

  it('removes spaces inside Chinese text but keeps them between Latin words', () => {
    expect(normalizeText('2023 年5 月29 日  “湘易办” 专区  LOGO 作为 Open Data').text).toBe('2023年5月29日“湘易办”专区LOGO作为Open Data')
  })

  it('strips zero-width and control characters and normalizes line ends', () => {
    expect(normalizeText('一\u200B二\r\n三\u0007\r四').text).toBe('一二\n三\n四')
  })
})
