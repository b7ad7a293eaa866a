/**
 * The figures `npm run bench` reports: each with its unit, the baseline measured in the same run, and the issue's
 * target where there is one (✓/✗ and the ratio), so a noisy machine shows in both numbers alike.
 */

export interface Target {
  /** The target as the issue words it, e.g. "≤ 5 s". */
  text: string
  met: boolean
  /** How far from the target, in words ("1.8× over", "12 ms to spare"). */
  by?: string
}

export interface Figure {
  section: string
  name: string
  value: number
  unit: string
  digits?: number
  baseline?: { name: string, value: number, unit?: string }
  /** value / baseline.value unless given. */
  ratio?: number
  target?: Target
  note?: string
}

export interface Failure { section: string, error: string }

export function fmt(value: number, digits = 1): string {
  if (!Number.isFinite(value))
    return 'n/a'
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

/** A target "value ≤ limit" (or ≥), worded with the margin or the overshoot. */
export function atMost(value: number, limit: number, text: string): Target {
  return { text, met: value <= limit, by: value <= limit ? `${fmt(limit / value, 2)}× headroom` : `${fmt(value / limit, 2)}× over` }
}

export function atLeast(value: number, limit: number, text: string): Target {
  return { text, met: value >= limit, by: value >= limit ? `${fmt(value / limit, 2)}× of target` : `${fmt(value / limit, 2)}× of target` }
}

export function ratioOf(f: Figure): number | undefined {
  if (f.ratio !== undefined)
    return f.ratio
  return f.baseline && f.baseline.value !== 0 ? f.value / f.baseline.value : undefined
}

/** One line for the console: "name: 1,234.5 unit (baseline …: …; ratio 1.2×) target ≤ 5 s ✓". */
export function figureLine(f: Figure): string {
  const parts = [`${f.name}: ${fmt(f.value, f.digits)} ${f.unit}`]
  const ratio = ratioOf(f)
  if (f.baseline)
    parts.push(`  [baseline ${f.baseline.name}: ${fmt(f.baseline.value, f.digits)} ${f.baseline.unit ?? f.unit}${ratio === undefined ? '' : `, ratio ${fmt(ratio, 2)}×`}]`)
  if (f.target)
    parts.push(`  target ${f.target.text} ${f.target.met ? '✓' : '✗'}${f.target.by ? ` (${f.target.by})` : ''}`)
  if (f.note)
    parts.push(`  — ${f.note}`)
  return parts.join('')
}

/** A markdown table of figures, one per row. */
export function figuresTable(figures: Figure[]): string {
  const rows = ['| figure | value | baseline (same run) | ratio | target | |', '|---|---|---|---|---|---|']
  for (const f of figures) {
    const ratio = ratioOf(f)
    const baseline = f.baseline ? `${f.baseline.name}: ${fmt(f.baseline.value, f.digits)} ${f.baseline.unit ?? f.unit}` : ''
    const target = f.target ? `${f.target.text}${f.target.by ? ` (${f.target.by})` : ''}` : ''
    const mark = f.target ? (f.target.met ? '✓' : '✗') : ''
    const name = f.note ? `${f.name} <br><sub>${f.note}</sub>` : f.name
    rows.push(`| ${name} | **${fmt(f.value, f.digits)} ${f.unit}** | ${baseline} | ${ratio === undefined ? '' : `${fmt(ratio, 2)}×`} | ${target} | ${mark} |`)
  }
  return rows.join('\n')
}
