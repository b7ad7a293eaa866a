import type { Plan, PlanData, WorkPoint } from '../../src/domain/plan'

/** A small deterministic PRNG (mulberry32): the same seed gives the same corpus on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const CITIES = ['长沙市', '株洲市', '湘潭市', '衡阳市', '邵阳市', '岳阳市', '常德市', '张家界市', '益阳市', '郴州市', '永州市', '怀化市', '娄底市', '湘西土家族苗族自治州']
const COUNTIES = ['浏阳市', '宁乡市', '长沙县', '醴陵市', '攸县', '湘乡市', '韶山市', '耒阳市', '常宁市', '邵东市', '汨罗市', '临湘市', '津市市', '慈利县', '沅江市', '资兴市', '祁阳市', '洪江市', '冷水江市', '涟源市', '吉首市', '凤凰县']
const TOPICS = [['政务公开', 'zwgk'], ['政务管理服务', 'zwglfw'], ['优化营商环境', 'yhyshj'], ['数字政府建设', 'szzfjs']] as const

/**
 * Builds a province's worth of plan data by recombining and renumbering the seed points into many plans
 * (cities, counties, years, topics). Deterministic for a given seed; nothing large is committed.
 */
export function syntheticPlanData(seedData: PlanData, targetPoints: number, seed = 20231121): PlanData {
  const random = rng(seed)
  const pool: WorkPoint[] = seedData.plans.flatMap(p => p.sections.flatMap(s => s.points))
  const plans: Plan[] = []
  let made = 0
  for (let n = 0; made < targetPoints; n++) {
    const county = n % 3 === 2
    const region = county ? COUNTIES[n % COUNTIES.length]! : CITIES[n % CITIES.length]!
    const [topic, topicSlug] = TOPICS[Math.floor(n / 7) % TOPICS.length]!
    const year = 2019 + (n % 6)
    const id = `syn${n}-${year}-${topicSlug}`
    const sectionCount = 3 + Math.floor(random() * 5)
    const perSection = 4 + Math.floor(random() * 8)
    let no = 0
    const sections = Array.from({ length: sectionCount }, (_, s) => ({
      no: s + 1,
      title: pool[Math.floor(random() * pool.length)]!.title.slice(0, 18),
      points: Array.from({ length: perSection }, () => {
        const source = pool[Math.floor(random() * pool.length)]!
        no++
        const prefix = region.slice(0, 2)
        return {
          ...source,
          id: `${id}-${no}`,
          no,
          leadUnits: source.leadUnits.map(u => u.replace(/^[省市]/, prefix)),
          deadlines: source.deadlines.map(d => ({ ...d, date: `${year}${d.date.slice(4)}` })),
          related: [],
        }
      }),
    }))
    made += sectionCount * perSection
    plans.push({ id, title: `${region}${year}年${topic}工作要点`, region, level: county ? 'county' : 'city', year, sources: ['synthetic'], sections })
  }
  return { version: `synthetic-${targetPoints}-${seed}`, plans, themes: seedData.themes }
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九']
/** 1 … 99 as written in plan documents (十二, 二十七). */
export function cnNumeral(n: number): string {
  if (n < 10)
    return CN[n]!
  return `${n >= 20 ? CN[Math.floor(n / 10)] : ''}十${CN[n % 10]}`
}

/** Renders plans back into a published-looking text document (for ingest throughput). */
export function renderDocument(plans: Plan[]): string {
  const out: string[] = []
  for (const plan of plans) {
    out.push(plan.title, '以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。')
    for (const section of plan.sections) {
      out.push(`${cnNumeral(section.no)}、${section.title}`)
      for (const p of section.points)
        out.push(`（${cnNumeral(p.no)}）${p.title}。${p.body}${p.responsibility}`)
    }
  }
  return out.join('\n')
}

/** The theme every point gets from withBenchTheme, so one deck holds the whole corpus. */
export const BENCH_THEME = { id: 'bench-all', name: '基准全部', icon: 'i-bench', keywords: [] as string[] }

/** Adds one extra theme to every point (and to the taxonomy), so a deck of all `targetPoints` points exists. */
export function withBenchTheme(data: PlanData, theme = BENCH_THEME): PlanData {
  return {
    ...data,
    themes: [...data.themes.filter(t => t.id !== theme.id), theme],
    plans: data.plans.map(plan => ({
      ...plan,
      sections: plan.sections.map(section => ({
        ...section,
        points: section.points.map(p => (p.themes.includes(theme.id) ? p : { ...p, themes: [...p.themes, theme.id] })),
      })),
    })),
  }
}

/** Cuts plan data down to exactly `points` points (the generator overshoots by up to one plan). */
export function trimToPoints(data: PlanData, points: number): PlanData {
  let left = points
  const plans: Plan[] = []
  for (const plan of data.plans) {
    if (left <= 0)
      break
    const sections = []
    for (const section of plan.sections) {
      if (left <= 0)
        break
      const kept = section.points.slice(0, left)
      left -= kept.length
      sections.push({ ...section, points: kept })
    }
    plans.push({ ...plan, sections })
  }
  return { ...data, plans }
}
