import type { DocumentSpec, PointSpec } from '../../../../scripts/fixtures/spec'
import fc from 'fast-check'

/**
 * Random plan specs for the round-trip property tests: words from plan language plus the characters that break
 * naive writers and readers (& < > " digits, Latin, full-width punctuation, quotes).
 */

const WORDS = ['推进', '政务', '公开', '数据', '共享', '平台', '建设', '服务', '优化', '营商', '环境', '深化', '改革', '落实', '责任', '机制', '完善', '加强', '基层', '民生', '资金', '信息', '监管', '执法', '网站', '标准', '目录', '群众', '企业', '政策', '解读', '回应', 'A级', '5G', 'R&D', '<试点>', '"双随机"', '（试行）', '、', '；', '100%', '2.0', '“一网通办”', '12345热线', 'AI']
const UNITS = ['县数据局', '县财政局', '县政务服务中心', '县司法局', '各乡镇人民政府', '县直各单位', '县委网信办', '县市场监管局']
const DEADLINES = ['2026年6月30日', '年底前', '三季度', '持续推进', '2026年12月31日', '6月底前']
const REGIONS = ['某某县', '青山县', '白沙市', '湖西省', '东城街道']
const TOPICS = ['政务公开', '数据要素', '优化营商环境', '便民服务', '法治政府建设']

/** A phrase of plan words; it always starts with a Chinese word so no line starts with punctuation or Latin. */
const phrase = (min: number, max: number) => fc.tuple(fc.constantFrom(...WORDS.slice(0, 32)), fc.array(fc.constantFrom(...WORDS), { minLength: min - 1, maxLength: max - 1 })).map(([first, rest]) => [first, ...rest].join(''))

const point: fc.Arbitrary<PointSpec> = fc.record({
  title: phrase(2, 5),
  body: fc.array(phrase(2, 8), { minLength: 0, maxLength: 3 }).map(s => s.map(x => `${x}。`).join('')),
  lead: fc.uniqueArray(fc.constantFrom(...UNITS), { minLength: 0, maxLength: 2 }),
  partners: fc.uniqueArray(fc.constantFrom(...UNITS), { minLength: 0, maxLength: 2 }),
  deadline: fc.option(fc.constantFrom(...DEADLINES), { nil: undefined }),
}).map(p => (p.deadline === undefined ? { title: p.title, body: p.body, lead: p.lead, partners: p.partners } : p))

const points = fc.array(point, { minLength: 1, maxLength: 4 })

/** A random plan: 0–3 sections (none: points stand alone), each with （一） groups or with points. */
export const documentSpec: fc.Arbitrary<DocumentSpec> = fc.record({
  region: fc.constantFrom(...REGIONS),
  topic: fc.constantFrom(...TOPICS),
  notice: fc.array(phrase(3, 10), { minLength: 0, maxLength: 3 }),
  preamble: fc.option(phrase(4, 12).map(s => `${s}。`), { nil: undefined }),
  sections: fc.array(fc.record({
    title: phrase(2, 6),
    grouped: fc.boolean(),
    groups: fc.array(fc.record({ title: phrase(2, 5), points }), { minLength: 1, maxLength: 3 }),
    points,
  }), { minLength: 0, maxLength: 3 }),
  loose: points,
  pointNumbering: fc.constantFrom('paren' as const, 'decimal' as const),
  runOn: fc.boolean(),
}).map((r) => {
  const title = `${r.region}2026年${r.topic}工作要点`
  const grouped = r.sections.some(s => s.grouped)
  const spec: DocumentSpec = {
    title,
    issuer: `${r.region}人民政府办公室`,
    notice: r.notice,
    sections: r.sections.map(s => (grouped ? { title: s.title, groups: s.groups } : { title: s.title, points: s.points })),
    // Groups number their points 1. 2. (as planStructure does); without groups either style.
    pointNumbering: grouped ? 'decimal' : r.pointNumbering,
    runOn: r.runOn,
    ...(r.preamble ? { preamble: r.preamble } : {}),
    ...(r.sections.length === 0 ? { points: r.loose } : {}),
  }
  return spec
})
