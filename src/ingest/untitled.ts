import type { Diagnostic } from './diagnostics'
import type { FlatText } from './flat-text'
import type { PlanHeading } from './headings'
import type { Marker } from './markers'
import { PLAN_GENRES } from './headings'
import { readIssuer } from './issuer'

const YEAR = /((?:19|20)\d{2})年度?/

/** Region, level, year and topic read loosely from a title that is not of the usual form. */
export function readLooseTitle(title: string): Pick<PlanHeading, 'region' | 'level' | 'year' | 'topic'> {
  const m = YEAR.exec(title)
  const issuer = m ? readIssuer(title.slice(0, m.index)) : undefined
  const rest = m ? title.slice(m.index + m[0].length) : title
  const genre = PLAN_GENRES.find(g => rest.endsWith(g))
  return {
    region: issuer?.region ?? '',
    level: issuer?.level ?? 'department',
    year: m ? Number(m[1]) : null,
    topic: genre ? rest.slice(0, -genre.length) : rest,
  }
}

/**
 * A heading for a document whose plan has no title the reader knows: its first line when that reads as a title
 * (short, no sentence, no numbering), else the file name. Only when the document has numbered points at all.
 */
export function untitledHeading(flat: FlatText, markers: Marker[], source?: string): { heading: PlanHeading, diagnostic: Diagnostic } | null {
  if (!markers.some(m => !m.weak && (m.lineStart || m.pos === 0)))
    return null
  const { text } = flat
  let lineEnd = text.length
  for (let i = 1; i < text.length; i++) {
    if (flat.lineStart[i]) {
      lineEnd = i
      break
    }
  }
  const firstLine = text.slice(0, lineEnd).trim()
  const numbered = markers.some(m => m.pos === 0)
  const fromLine = !numbered && firstLine.length >= 2 && firstLine.length <= 50 && !/[。；，]/.test(firstLine)
  const fileTitle = (source ?? '').replace(/^.*[/\\]/, '').replace(/\.[a-z0-9]{1,5}$/i, '').trim()
  const title = fromLine ? firstLine : fileTitle || '未命名计划'
  const heading: PlanHeading = { start: 0, end: fromLine ? lineEnd : 0, title, ...readLooseTitle(title) }
  const from = fromLine ? '第一行' : '文件名'
  return {
    heading,
    diagnostic: {
      level: 'warning',
      code: 'no-title',
      message: `no plan title such as “XX县2026年…工作要点” found; titled “${title}” from the ${fromLine ? 'first line' : 'file name'}`,
      zh: `未找到计划标题，已用${from}“${title}”作为标题，请核对`,
      ...(source ? { source } : {}),
    },
  }
}
