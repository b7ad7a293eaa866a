import fc from 'fast-check'

// Random plan documents in the layouts the parser must read, with what they were built from, for property tests.

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
const cn = (n: number) => (n <= 10 ? CN[n - 1]! : `十${CN[n - 11] ?? ''}`)
const circled = (n: number) => String.fromCharCode(0x245F + n)

export type Layout = 'paren' | 'arabic-dot' | 'arabic-dun' | 'arabic-paren' | 'circled' | 'article' | 'nested-run-on' | 'nested-restart'
export type ResponsibilityStyle = 'paren' | 'label' | 'bracket-label' | 'line'

export interface BuiltPoint { title: string, body: string, lead: string[], partner: string[] }
export interface BuiltPlan {
  title: string
  year: number
  sections: { title: string, groups: { title: string, points: BuiltPoint[] }[] }[]
  layout: Layout
  responsibility: ResponsibilityStyle
  withSections: boolean
}

const VERBS = ['推进', '深化', '加强', '完善', '优化', '健全', '落实', '规范', '提升', '拓展', '建立', '开展']
const OBJECTS = ['政务公开标准化', '惠企政策兑现', '一件事一次办', '电子证照应用', '便民服务站建设', '数据共享交换', '政策解读回应', '帮办代办服务', '12345热线管理', '基层政务公开', '行政执法公示', '营商环境评价', '政府网站集约化', '跨省通办服务', '适老化改造']
const ORGS = ['发展改革局', '司法局', '财政局', '数据局', '政务服务中心', '市场监管局', '人社局', '民政局', '卫健局', '教育局', '农业农村局', '自然资源局']
const BODIES = ['确保按期完成', '形成工作台账并定期调度', '年底前完成', '6月底前完成梳理', '持续推进', '每季度通报一次进展', '实现全覆盖', '上线事项100项']
const ISSUERS: Array<[string, string]> = [['青山县', '县'], ['白沙市', '市'], ['东湖区', '区'], ['红星镇', '镇'], ['湖西省', '省']]
const GENRES = ['工作要点', '重点任务清单', '任务分工方案', '工作计划', '实施方案', '重点工作任务分解表']
const SECTION_TITLES = ['围绕优化营商环境加强公开', '围绕民生关切强化服务', '围绕基层治理夯实基础', '强化组织保障']

function point(prefix: string): fc.Arbitrary<BuiltPoint> {
  return fc.record({
    verb: fc.constantFrom(...VERBS),
    object: fc.constantFrom(...OBJECTS),
    body: fc.constantFrom(...BODIES),
    lead: fc.uniqueArray(fc.constantFrom(...ORGS), { minLength: 1, maxLength: 2 }),
    partner: fc.boolean(),
  }).map(p => ({ title: `${p.verb}${p.object}`, body: `${p.body}。`, lead: p.lead.map(o => `${prefix}${o}`), partner: p.partner ? [`${prefix}直各相关单位`] : [] }))
}

export const builtPlan: fc.Arbitrary<BuiltPlan> = fc.tuple(
  fc.constantFrom(...ISSUERS),
  fc.integer({ min: 2016, max: 2030 }),
  fc.constantFrom(...GENRES),
  fc.constantFrom<Layout>('paren', 'arabic-dot', 'arabic-dun', 'arabic-paren', 'circled', 'article', 'nested-run-on', 'nested-restart'),
  fc.constantFrom<ResponsibilityStyle>('paren', 'label', 'bracket-label', 'line'),
  fc.boolean(),
).chain(([[issuer, prefix], year, genre, layout, responsibility, sectionsWanted]) => {
  const nested = layout.startsWith('nested')
  const withSections = nested || sectionsWanted
  const group = fc.record({ title: fc.constantFrom(...OBJECTS).map(o => `做好${o}工作`), points: fc.array(point(prefix), { minLength: 1, maxLength: nested ? 3 : 5 }) })
  const section = fc.record({ title: fc.constantFrom(...SECTION_TITLES), groups: fc.array(group, { minLength: 1, maxLength: nested ? 3 : 1 }) })
  return fc.array(section, { minLength: 1, maxLength: withSections ? 3 : 1 }).map(sections => ({
    title: `${issuer}${year}年${genre.endsWith('工作要点') ? '政务公开' : ''}${genre}`,
    year,
    sections,
    layout,
    responsibility,
    withSections,
  }))
})

function responsibilityText(p: BuiltPoint, style: ResponsibilityStyle): { inline: string, line?: string } {
  const lead = p.lead.join('、')
  const partner = p.partner.join('、')
  switch (style) {
    case 'paren':
      return { inline: `（${lead}牵头${partner ? `，${partner}配合` : ''}）` }
    case 'label':
      return { inline: `（牵头单位：${lead}${partner ? `；配合单位：${partner}` : ''}）` }
    case 'bracket-label':
      return { inline: `【牵头单位：${lead}${partner ? `；配合单位：${partner}` : ''}】` }
    case 'line':
      return { inline: '', line: `牵头单位：${lead}${partner ? `；配合单位：${partner}` : ''}` }
  }
}

function marker(layout: Layout, n: number): string {
  switch (layout) {
    case 'paren': return `（${cn(n)}）`
    case 'arabic-dot': return `${n}.`
    case 'arabic-dun': return `${n}、`
    case 'arabic-paren': return `（${n}）`
    case 'circled': return circled(n)
    case 'article': return `第${cn(n)}条 `
    default: return `${n}.`
  }
}

/** The document as text, one paragraph per line. */
export function renderPlan(plan: BuiltPlan): string {
  const lines = [plan.title, `为做好${plan.year}年相关工作，制定本${plan.title.slice(-4)}。`]
  let n = 0
  plan.sections.forEach((section, s) => {
    if (plan.withSections)
      lines.push(`${cn(s + 1)}、${section.title}`)
    if (plan.layout === 'nested-restart')
      n = 0
    section.groups.forEach((group, g) => {
      if (plan.layout.startsWith('nested')) {
        lines.push(`（${cn(g + 1)}）${group.title}`)
        if (plan.layout === 'nested-restart')
          n = 0
      }
      for (const p of group.points) {
        n++
        const r = responsibilityText(p, plan.responsibility)
        lines.push(`${marker(plan.layout, n)}${p.title}。${p.body}${r.inline}`)
        if (r.line)
          lines.push(r.line)
      }
    })
  })
  return `${lines.join('\n')}\n`
}

/** The points the plan was built from, in order, with their group heading in nested layouts. */
export function builtPoints(plan: BuiltPlan): Array<BuiltPoint & { group?: string }> {
  return plan.sections.flatMap(s => s.groups.flatMap(g => g.points.map(p => ({ ...p, ...(plan.layout.startsWith('nested') ? { group: g.title } : {}) }))))
}
