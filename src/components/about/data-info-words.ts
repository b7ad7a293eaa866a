import type { DataInfo } from '~/db/data-info'

export interface DataInfoRow { label: string, value: string, key: string }

function dateWords(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** The plan data in words for 我的: its date, how many plans and points, and when and whence it came (no hashes). */
export function describeDataInfo(info: DataInfo | undefined): DataInfoRow[] {
  if (!info || info.plans === 0)
    return [{ key: 'content', label: '工作要点', value: '尚未载入' }]
  const date = info.newestIssuedOn
    ? `${dateWords(info.newestIssuedOn)}（最新文件印发）`
    : info.newestYear ? `${info.newestYear} 年度` : '未标明'
  const local = info.localPlans > 0 ? `，其中本机导入 ${info.localPlans} 个` : ''
  const rows: DataInfoRow[] = [
    { key: 'date', label: '数据日期', value: date },
    { key: 'content', label: '工作要点', value: `${info.plans} 个计划 · ${info.points} 条要点${local}` },
  ]
  if (info.updatedAt) {
    const source = info.source === 'server' ? '从服务器获取' : '随应用提供'
    rows.push({ key: 'updated', label: '本机更新', value: `${dateWords(localIsoDate(info.updatedAt))} · ${source}` })
  }
  return rows
}

/** The local calendar date of an instant, as YYYY-MM-DD. */
function localIsoDate(instant: string): string {
  const d = new Date(instant)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}
