import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { PlanSchema } from '../../../src/domain/plan'
import { classifyPlans, classifyPoint, GENERAL_THEME_ID, loadTaxonomy, MAX_THEMES_PER_POINT, themeScore } from '../../../src/ingest/classify'
import { buildPlans, FIXTURE_PLANS, fixturePoint } from './fixtures/points'

const themes = loadTaxonomy()
const theme = (id: string) => themes.find(t => t.id === id)!

describe('loadTaxonomy', () => {
  it('has at most 20 themes with unique ascii slug ids', () => {
    expect(themes.length).toBeGreaterThan(0)
    expect(themes.length).toBeLessThanOrEqual(20)
    expect(new Set(themes.map(t => t.id)).size).toBe(themes.length)
    for (const t of themes)
      expect(t.id).toMatch(/^[a-z0-9-]+$/)
  })

  it('includes the themes named in the design', () => {
    const names = themes.map(t => t.name)
    for (const name of ['湘易办掌上办', '一件事一次办', '一网通办与跨省通办', '电子证照', '数据共享与数据要素', '营商环境', '放管服改革', '政务公开', '政策解读', '12345热线与诉求', '监管', '政府网站与新媒体', '基层便民服务', '政务服务中心', '教育数字化'])
      expect(names).toContain(name)
  })

  it('uses only icon names that exist in Vant', () => {
    const css = readFileSync(new URL('../../../node_modules/vant/lib/icon/index.css', import.meta.url), 'utf8')
    for (const t of themes)
      expect(css, `icon ${t.icon} of ${t.id}`).toContain(`.van-icon-${t.icon}:before`)
  })

  it('gives every theme keywords and contains the general fallback theme', () => {
    for (const t of themes)
      expect(t.keywords.length).toBeGreaterThan(0)
    expect(themes.map(t => t.id)).toContain(GENERAL_THEME_ID)
  })
})

describe('classifyPoint', () => {
  it.each([
    ['hunan-2023-zwfw', 1, 'xiangyiban'],
    ['loudi-2023-zwfw', 1, 'xiangyiban'],
    ['hunan-2023-zwfw', 17, 'rexian12345'],
    ['loudi-2023-zwfw', 16, 'rexian12345'],
    ['hunan-2022-zwfw', 35, 'rexian12345'],
    ['hunan-2023-zwfw', 3, 'shuju'],
    ['hunan-2022-zwfw', 16, 'shuju'],
    ['hunan-2023-zwfw', 4, 'dianzizhengzhao'],
    ['hunan-2022-zwfw', 24, 'dianzizhengzhao'],
    ['hunan-2023-zwfw', 19, 'zhengwugongkai'],
    ['hunan-2023-zwgk', 10, 'zhengwugongkai'],
    ['changsha-2023-zwgk', 12, 'zhengwugongkai'],
    ['changsha-2023-zwgk', 13, 'wangzhan'],
    ['hunan-2023-zwfw', 20, 'wangzhan'],
    ['loudi-2023-zwfw', 5, 'shuzizhengfu'],
    ['yueyang-2023-jysz', 1, 'jiaoyu'],
    ['yueyang-2023-jysz', 5, 'jiaoyu'],
    ['hunan-2022-zwgk', 16, 'baozhang'],
  ])('puts %s (%i) first under %s', (planId, no, expected) => {
    expect(classifyPoint(fixturePoint(planId, no), themes)[0]).toBe(expected)
  })

  it('files every 岳阳 教育数字化 point under 教育数字化 once the plan title is known', () => {
    const yueyang = FIXTURE_PLANS.find(p => p.id === 'yueyang-2023-jysz')!
    for (const point of yueyang.sections.flatMap(s => s.points))
      expect(classifyPoint(point, themes, { planTitle: yueyang.title }), point.title).toContain('jiaoyu')
  })

  it('lets the plan title add a theme only when the point itself mentions it', () => {
    const point = fixturePoint('hunan-2023-zwfw', 4)
    expect(classifyPoint(point, themes, { planTitle: '岳阳市2023年推进教育数字化工作要点' })).not.toContain('jiaoyu')
  })

  it('gives every fixture point 1 to 3 distinct known themes', () => {
    const ids = new Set(themes.map(t => t.id))
    for (const plan of FIXTURE_PLANS) {
      for (const point of plan.sections.flatMap(s => s.points)) {
        const result = classifyPoint(point, themes, { planTitle: plan.title })
        expect(result.length).toBeGreaterThanOrEqual(1)
        expect(result.length).toBeLessThanOrEqual(MAX_THEMES_PER_POINT)
        expect(new Set(result).size).toBe(result.length)
        for (const id of result)
          expect(ids).toContain(id)
      }
    }
  })

  it('weighs a keyword in the title above the same keyword in the body', () => {
    const hotline = theme('rexian12345')
    const inTitle = themeScore({ title: '优化12345热线服务', body: '完善工作机制' }, hotline)
    const inBody = themeScore({ title: '完善工作机制', body: '优化12345热线服务' }, hotline)
    expect(inTitle).toBeGreaterThan(inBody)
    expect(inBody).toBeGreaterThan(0)

    const point = { title: '持续深化政务公开', body: '畅通12345热线，做好热线诉求办理。' }
    expect(classifyPoint(point, themes)[0]).toBe('zhengwugongkai')
    expect(classifyPoint({ title: '做好12345热线诉求办理', body: '持续深化政务公开。' }, themes)[0]).toBe('rexian12345')
  })

  it('does not count a short keyword again inside a longer one it is part of', () => {
    const once = themeScore({ title: '', body: '政务公开' }, theme('zhengwugongkai'))
    const alone = themeScore({ title: '', body: '政务公开' }, { keywords: ['政务公开'] })
    expect(once).toBe(alone)
  })

  it('adds a secondary theme only for a real second subject', () => {
    const result = classifyPoint(fixturePoint('hunan-2023-zwfw', 1), themes)
    expect(result).toEqual(['xiangyiban'])
    const twoSubjects = classifyPoint({ title: '推进“湘易办”电子证照应用', body: '扩大电子证照在“湘易办”的应用领域，推动电子证照互通互认。' }, themes)
    expect(twoSubjects.slice(0, 2).sort()).toEqual(['dianzizhengzhao', 'xiangyiban'])
  })

  it('never returns an empty list', () => {
    expect(classifyPoint({ title: '', body: '' }, themes)).toEqual([GENERAL_THEME_ID])
    expect(classifyPoint({ title: '。。。', body: '（）' }, themes)).toEqual([GENERAL_THEME_ID])
  })

  it('falls back to the closest theme by shared bigrams when no keyword matches', () => {
    const point = { title: '打造智慧园区', body: '' }
    for (const t of themes)
      expect(themeScore(point, t)).toBe(0)
    expect(classifyPoint(point, themes)).toEqual(['jiaoyu'])
  })

  it('is deterministic and independent of the taxonomy object', () => {
    const point = fixturePoint('loudi-2023-zwgk', 11)
    const first = classifyPoint(point, themes)
    expect(classifyPoint(point, loadTaxonomy())).toEqual(first)
    expect(classifyPoint({ ...point }, structuredClone(themes))).toEqual(first)
  })

  it('ranks equal scores in taxonomy order', () => {
    const a = { id: 'a', name: 'A', icon: 'apps-o', keywords: ['共享'] }
    const b = { id: 'b', name: 'B', icon: 'apps-o', keywords: ['数据'] }
    const point = { title: '数据共享', body: '' }
    expect(classifyPoint(point, [a, b])).toEqual(['a', 'b'])
    expect(classifyPoint(point, [b, a])).toEqual(['b', 'a'])
  })
})

describe('classifyPlans', () => {
  it('fills themes on every point without touching the input', () => {
    const plans = buildPlans()
    const before = structuredClone(plans)
    const out = classifyPlans(plans, themes)
    expect(plans).toEqual(before)
    for (const plan of out) {
      expect(PlanSchema.safeParse(plan).success).toBe(true)
      for (const point of plan.sections.flatMap(s => s.points))
        expect(point.themes).not.toContain('unclassified')
    }
    const yueyang = out.find(p => p.id === 'yueyang-2023-jysz')!
    expect(yueyang.sections.flatMap(s => s.points).every(p => p.themes.includes('jiaoyu'))).toBe(true)
  })
})
