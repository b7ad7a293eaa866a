import type { Target } from '../domain/plan'

// Measure words that make a number a countable target; 万/亿 alone also count ("用户数突破3000万").
const UNIT = '个百分点|百分点|人次|小时|分钟|公里|[项个类家所次件人户名场条本套批台部篇期门节天%％]'
const NUMBER_WITH_UNIT = new RegExp(`(\\d+(?:\\.\\d+)?)([万亿])?(${UNIT})?(以上|以内|左右)?`, 'g')
const CLAUSE_START = /[，。；：、！？（）“”\n]/

/**
 * Finds numeric targets ("上线服务事项10000项", "用户数突破3000万", "不少于1次") in a point's text. Years, dates,
 * document numbers, ordinals and hotline numbers are not targets.
 */
export function extractTargets(text: string): Target[] {
  const out: Target[] = []
  for (const m of text.matchAll(NUMBER_WITH_UNIT)) {
    const [whole, num, magnitude, unit] = m
    if (!magnitude && !unit)
      continue
    const start = m.index
    const end = start + whole.length
    const before = text[start - 1] ?? ''
    const after = text[end] ?? ''
    if (/[\d.第〔“"]/.test(before) || /^[年月日号〕”"\d]/.test(after) || (unit === '个' && after === '月'))
      continue
    let from = start
    while (from > 0 && !CLAUSE_START.test(text[from - 1]!) && start - from < 24)
      from--
    const value = Number(num)
    if (!Number.isFinite(value))
      continue
    out.push({ text: text.slice(from, end), value, unit: `${magnitude ?? ''}${unit ?? ''}`.replace('％', '%') })
  }
  return out
}
