import type { TableRow } from './blocks'

/** What a task table's column holds, recognised by its header name. */
export type ColumnRole = 'no' | 'task' | 'detail' | 'lead' | 'responsible' | 'partner' | 'deadline' | 'note'

const ROLES: Array<[ColumnRole, RegExp]> = [
  ['no', /^(?:序号|编号|序|号|排序)$/],
  ['task', /^(?:(?:重点|主要|年度|改革|具体)?(?:工作)?任务(?:名称|事项|内容|要点)?|工作(?:事项|内容|要点|项目)|重点工作|事项(?:名称)?|项目名称|工作名称|要点内容)$/],
  ['detail', /^(?:具体(?:内容|措施|举措|任务|工作|要求|目标)|工作(?:要求|措施|举措|目标|标准|内容及要求)|主要(?:内容|措施|举措|目标)|目标(?:任务|要求)|任务(?:要求|目标)|完成标准|推进措施|实施步骤|预期(?:目标|成效)|(?:年度)?目标|工作目标及措施|具体工作措施)$/],
  ['lead', /^(?:牵头(?:单位|部门|处室|科室)?|主责(?:单位|部门)|牵头责任单位)$/],
  ['responsible', /^(?:责任(?:单位|部门|处室|科室|主体)|承办单位|实施单位)$/],
  ['partner', /^(?:配合(?:单位|部门|处室|科室)|协办(?:单位|部门)?|参与(?:单位|部门)|协同(?:单位|部门)|协助单位)$/],
  ['deadline', /^(?:完成(?:时限|时间|期限|节点|时限要求)|时限(?:要求)?|时间(?:节点|要求|安排|进度|表)?|进度安排|计划完成时间|完成进度)$/],
  ['note', /^(?:备注|说明)$/],
]

/** A header cell as compared: no spaces, line breaks or brackets (完成\n时限 → 完成时限). */
function headerKey(cell: string): string {
  return cell.replace(/[\s（）()【】:：*＊]/g, '')
}

/** The role a header cell names, if any. */
export function columnRole(cell: string): ColumnRole | undefined {
  const key = headerKey(cell)
  return ROLES.find(([, pattern]) => pattern.test(key))?.[0]
}

export interface TableHeader {
  /** Index of the (last) header row. */
  row: number
  /** Column index of each role found. */
  columns: Partial<Record<ColumnRole, number>>
}

/**
 * Finds the header row of a task table by its column names: at least two roles, one of them the task or its
 * contents. A two-row header (责任单位 over 牵头单位 | 配合单位) is read as one.
 */
export function findHeader(rows: TableRow[], within = 12): TableHeader | undefined {
  for (let r = 0; r < Math.min(rows.length, within); r++) {
    const columns: Partial<Record<ColumnRole, number>> = {}
    rows[r]!.cells.forEach((cell, c) => {
      const role = columnRole(cell)
      if (role && columns[role] === undefined)
        columns[role] = c
    })
    const found = Object.keys(columns).length
    if (found < 2 || (columns.task === undefined && columns.detail === undefined))
      continue
    // The row below may split a merged header cell into its parts.
    const next = rows[r + 1]
    if (next) {
      const below: Partial<Record<ColumnRole, number>> = {}
      next.cells.forEach((cell, c) => {
        const role = columnRole(cell)
        if (role && below[role] === undefined)
          below[role] = c
      })
      if (Object.keys(below).length >= 2 && next.cells.filter(c => c.trim() && !columnRole(c)).length === 0) {
        for (const [role, c] of Object.entries(below) as Array<[ColumnRole, number]>) {
          for (const [other, oc] of Object.entries(columns) as Array<[ColumnRole, number]>) {
            if (oc === c && other !== role)
              delete columns[other]
          }
          columns[role] = c
        }
        return { row: r + 1, columns }
      }
    }
    return { row: r, columns }
  }
  return undefined
}
