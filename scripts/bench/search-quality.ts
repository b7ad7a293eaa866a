/**
 * `npx tsx scripts/bench/search-quality.ts` — precision@5 of the search over the real seed plans, on a fixed query
 * set: characters, pinyin initials, full pinyin, units and mixed input. Each query names the words it means; a
 * result is relevant when its title, units or body hold them. The unit test (tests/unit/client/search-quality.test.ts)
 * holds the same set to its thresholds; `npm run bench -- --only search` writes these figures to BENCHMARKS.md.
 */
import type { PlanData } from '../../src/domain/plan'
import type { SearchDoc, SearchIndex } from '../../src/search/search-index'
import type { Figure } from './figures'
import { fileURLToPath } from 'node:url'
import { currentPlanIds } from '../../src/domain/plan-currency'
import { shippedPinyin } from '../../src/search/build-index'
import { buildSearchIndex, unitsText } from '../../src/search/search-index'
import { buildPlanDataFromDir } from '../seed-plan-data'
import { atLeast } from './figures'

export type QueryKind = 'characters' | 'initials' | 'full pinyin' | 'units' | 'mixed'

export interface QualityQuery {
  q: string
  kind: QueryKind
  /** The characters the query means; a result holding any of them is relevant. */
  means: string[]
}

const Q = (kind: QueryKind, q: string, ...means: string[]): QualityQuery => ({ q, kind, means: means.length ? means : [q] })

export const QUALITY_QUERIES: QualityQuery[] = [
  Q('characters', '一网通办'),
  Q('characters', '电子证照'),
  Q('characters', '一件事一次办'),
  Q('characters', '政务公开'),
  Q('characters', '数据共享'),
  Q('characters', '营商环境'),
  Q('characters', '湘易办'),
  Q('characters', '预决算'),
  Q('characters', '政策解读'),
  Q('initials', 'ywtb', '一网通办'),
  Q('initials', 'dzzz', '电子证照'),
  Q('initials', 'yjs', '一件事'),
  Q('initials', 'yjsycb', '一件事一次办'),
  Q('initials', 'zwgk', '政务公开'),
  Q('initials', 'sjgx', '数据共享'),
  Q('initials', 'yshj', '营商环境'),
  Q('initials', 'xyb', '湘易办'),
  Q('initials', 'zcjd', '政策解读'),
  Q('initials', 'fgf', '放管服'),
  Q('full pinyin', 'zhengwu', '政务'),
  Q('full pinyin', 'zhengwugongkai', '政务公开'),
  Q('full pinyin', 'yiwangtongban', '一网通办'),
  Q('full pinyin', 'dianzizhengzhao', '电子证照'),
  Q('full pinyin', 'shujugongxiang', '数据共享'),
  Q('full pinyin', 'xiangyiban', '湘易办'),
  Q('full pinyin', 'yingshanghuanjing', '营商环境'),
  Q('units', '省政务局'),
  Q('units', '省发展改革委'),
  Q('units', '市数据资源局'),
  Q('units', '市行政审批服务局'),
  Q('units', 'sjzyj', '市数据资源局', '数据资源'),
  Q('mixed', 'zhengwu公开', '政务公开'),
  Q('mixed', 'dz证照', '电子证照'),
  Q('mixed', '一网tb', '一网通办'),
  Q('mixed', 'yjs一次办', '一件事一次办'),
  Q('mixed', '数据gx', '数据共享'),
]

export interface QueryQuality extends QualityQuery {
  found: number
  relevant: number
  /** Relevant results among the first five, over min(5, relevant points): 1 when every slot that can be right is. */
  precision: number
  top: string[]
}

/** The seed points as the app indexes them: with their row of their plan's shipped pinyin. */
export function seedDocs(data: PlanData, today = new Date()): SearchDoc[] {
  const current = currentPlanIds(data.plans, today)
  return data.plans.flatMap((p) => {
    const points = p.sections.flatMap(s => s.points)
    return points.map((pt, row) => ({ ...pt, current: current.has(p.id), ...(p.pinyin ? { pinyin: { block: p.pinyin, row } } : {}) }))
  })
}

/** The index the app builds over the seed plans (pinyin decoded from the data, no dictionary). */
export function seedIndex(docs: SearchDoc[]): SearchIndex {
  return buildSearchIndex(docs, shippedPinyin())
}

export function measureQuality(data: PlanData, queries = QUALITY_QUERIES, today = new Date()): QueryQuality[] {
  const docs = seedDocs(data, today)
  const byId = new Map(docs.map(d => [d.id, d]))
  const index = seedIndex(docs)
  const isRelevant = (id: string, means: string[]) => {
    const d = byId.get(id)!
    const text = `${d.title}\n${unitsText(d)}\n${d.body}`.toLowerCase()
    return means.some(m => text.includes(m))
  }
  return queries.map((query) => {
    const ids = index.query(query.q)
    const relevant = docs.filter(d => isRelevant(d.id, query.means)).length
    const top = ids.slice(0, 5)
    const right = top.filter(id => isRelevant(id, query.means)).length
    return { ...query, found: ids.length, relevant, precision: relevant === 0 ? 0 : right / Math.min(5, relevant), top }
  })
}

export function summarise(rows: QueryQuality[]): { kind: QueryKind | 'all', queries: number, precision: number, worst: number }[] {
  const kinds = [...new Set(rows.map(r => r.kind))]
  const line = (kind: QueryKind | 'all', rs: QueryQuality[]) => ({ kind, queries: rs.length, precision: rs.reduce((n, r) => n + r.precision, 0) / rs.length, worst: Math.min(...rs.map(r => r.precision)) })
  return [line('all', rows), ...kinds.map(k => line(k, rows.filter(r => r.kind === k)))]
}

export async function seedPlanData(): Promise<PlanData> {
  return (await buildPlanDataFromDir(fileURLToPath(new URL('../../seeds', import.meta.url)))).data
}

/** The bench part: precision@5 overall and per kind, the all-query mean as the baseline each kind stands beside. */
export async function searchQualityFigures(): Promise<Figure[]> {
  const rows = measureQuality(await seedPlanData())
  const [all, ...kinds] = summarise(rows)
  const section = `Search quality on the seed plans (precision@5 over ${rows.length} fixed queries; scripts/bench/search-quality.ts, held by tests/unit/client/search-quality.test.ts)`
  const worst = (kind: string) => rows.filter(r => kind === 'all' || r.kind === kind).filter(r => r.precision < 1).map(r => `${r.q} ${r.precision.toFixed(2)}`).join(', ')
  return [all!, ...kinds].map(s => ({
    section,
    name: s.kind === 'all' ? `all queries (${s.queries})` : `${s.kind} (${s.queries})`,
    value: s.precision,
    unit: 'precision@5',
    digits: 3,
    ...(s.kind === 'all' ? { target: atLeast(s.precision, 0.95, '≥ 0.95') } : { baseline: { name: 'all queries', value: all!.precision } }),
    note: worst(s.kind) ? `below 1: ${worst(s.kind)}` : 'every query 1.00',
  }))
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = measureQuality(await seedPlanData())
  for (const r of rows)
    console.log(`${r.kind.padEnd(12)} ${r.q.padEnd(18)} p@5 ${r.precision.toFixed(2)}  found ${r.found} / relevant ${r.relevant}`)
  for (const s of summarise(rows))
    console.log(`${s.kind}: precision@5 ${s.precision.toFixed(3)} over ${s.queries} queries (worst ${s.worst.toFixed(2)})`)
}
