import type { DiagnosticWords } from './diagnostic-words'
import type { ImportResult } from './import-protocol'
import type { Plan, PlanOrigin } from '~/domain/plan'
import { PLAN_LEVEL_LABELS } from '~/domain/plan-labels'
import { diagnosticWords } from './diagnostic-words'

// The preview shown before anything is stored: what each file gave, each plan with its sections and points, and
// the findings in Chinese. Pure: built from the worker's result and what the store already holds.

export interface PreviewPoint {
  id: string
  no: number
  title: string
  /** 牵头单位, joined; 未写明 when the point names none. */
  leadUnits: string
  /** 时限 as written, joined; 未写明 when none. */
  deadline: string
}

/** Consecutive points under one （一） group heading (or none). */
export interface PreviewGroup {
  heading?: string
  points: PreviewPoint[]
}

export interface PreviewSection {
  no: number
  title: string
  pointCount: number
  groups: PreviewGroup[]
}

/** `new`: not on this device; `replace`: replaces a plan imported here before; `exists`: the app already has it. */
export type PreviewPlanStatus = 'new' | 'replace' | 'exists'

export interface PreviewPlan {
  id: string
  title: string
  /** "某某县 · 县级 · 2026年" */
  meta: string
  sectionCount: number
  pointCount: number
  sections: PreviewSection[]
  status: PreviewPlanStatus
  statusWords: string
}

/** `read`: plans came out of it; `unreadable`: it could not be read at all; `no-plans`: read, but no plan in it. */
export type PreviewFileState = 'read' | 'unreadable' | 'no-plans'

export interface PreviewFile {
  name: string
  state: PreviewFileState
  /** Titles of the plans read from it. */
  plans: string[]
  notes: DiagnosticWords[]
}

export interface ImportPreview {
  plans: PreviewPlan[]
  files: PreviewFile[]
  /** Findings not tied to one file. */
  notes: DiagnosticWords[]
  /** Plans 确认导入 would store. */
  importable: number
}

const STATUS_WORDS: Record<PreviewPlanStatus, string> = {
  new: '新计划，确认后保存在本机',
  replace: '本机已导入过这份计划：确认后替换为这一版，收藏和打卡保留',
  exists: '应用中已有这份计划（随应用提供或来自服务器），不会重复导入',
}

const joinedOr = (items: string[]) => (items.length ? items.join('、') : '未写明')

function previewSections(plan: Plan): PreviewSection[] {
  return plan.sections.map((section) => {
    const groups: PreviewGroup[] = []
    for (const point of section.points) {
      let group = groups.at(-1)
      if (!group || group.heading !== point.group)
        groups.push(group = { ...(point.group ? { heading: point.group } : {}), points: [] })
      group.points.push({
        id: point.id,
        no: point.no,
        title: point.title,
        leadUnits: joinedOr(point.leadUnits),
        deadline: joinedOr(point.deadlines.map(d => d.text)),
      })
    }
    return { no: section.no, title: section.title, pointCount: section.points.length, groups }
  })
}

function planMeta(plan: Plan): string {
  return [plan.region, PLAN_LEVEL_LABELS[plan.level], plan.year ? `${plan.year}年` : '年份未注明'].filter(Boolean).join(' · ')
}

/**
 * The preview of an import: `fileNames` in the order the user gave them, `stored` the origins of plans already on
 * this device with the same ids (from storedPlanOrigins).
 */
export function buildImportPreview(result: ImportResult, fileNames: string[], stored: Map<string, PlanOrigin>): ImportPreview {
  const plans = result.data.plans.map((plan): PreviewPlan => {
    const origin = stored.get(plan.id)
    const status: PreviewPlanStatus = origin === undefined ? 'new' : origin === 'local' ? 'replace' : 'exists'
    return {
      id: plan.id,
      title: plan.title,
      meta: planMeta(plan),
      sectionCount: plan.sections.length,
      pointCount: plan.sections.reduce((n, s) => n + s.points.length, 0),
      sections: previewSections(plan),
      status,
      statusWords: STATUS_WORDS[status],
    }
  })
  const unreadable = new Map(result.unreadable.map(u => [u.name, u.message]))
  const files = fileNames.map((name): PreviewFile => {
    const own = result.diagnostics.filter(d => d.source === name)
    const notes = own.map(diagnosticWords)
    const failure = unreadable.get(name)
    if (failure !== undefined)
      notes.unshift({ level: 'error', mark: '✕', label: '无法读取', words: '这份文件无法读取，其他文件不受影响', detail: failure })
    const fromFile = result.data.plans.filter(p => p.sources.includes(name)).map(p => p.title)
    // `no-plans` is an error too, but the file was read: it just holds no plan.
    const unreadableFile = failure !== undefined || own.some(d => d.level === 'error' && d.code !== 'no-plans')
    const state: PreviewFileState = fromFile.length > 0 ? 'read' : unreadableFile ? 'unreadable' : 'no-plans'
    return { name, state, plans: fromFile, notes }
  })
  const known = new Set(fileNames)
  const notes = result.diagnostics.filter(d => !d.source || !known.has(d.source)).map(diagnosticWords)
  return { plans, files, notes, importable: plans.filter(p => p.status !== 'exists').length }
}
