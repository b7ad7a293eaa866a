import type { ComputedRef, Ref } from 'vue'
import type { LedgerFormat } from '~/export/ledger-file-name'
import type { LedgerChoice, LedgerCounts } from '~/export/ledger-options'
import type { LedgerFilter, LedgerSource } from '~/export/ledger-rows'
import { computed, ref } from 'vue'
import { buildLedgerFile, downloadBlob, loadLedgerSource } from '~/export/ledger-export'
import { ledgerFileName, ledgerFilterLabel } from '~/export/ledger-file-name'
import { choiceFilter, filterCount, LEDGER_CHOICES, ledgerCounts } from '~/export/ledger-options'
import { useLiveQuery } from './useLiveQuery'
import { useMyUnit } from './useMyUnit'

export interface PickOption { id: string, name: string, count: number }

export interface LedgerExport {
  source: Ref<LedgerSource | undefined>
  counts: ComputedRef<LedgerCounts | undefined>
  unit: ComputedRef<string>
  choice: Ref<LedgerChoice>
  plan: Ref<string>
  theme: Ref<string>
  format: Ref<LedgerFormat>
  filter: ComputedRef<LedgerFilter | undefined>
  /** Rows the chosen filter exports; undefined until the data is read. */
  rows: ComputedRef<number | undefined>
  fileName: ComputedRef<string>
  /** Why the export cannot go ahead, in words; '' when it can. */
  blocked: ComputedRef<string>
  choiceOptions: ComputedRef<{ value: LedgerChoice, label: string, count?: number }[]>
  planOptions: ComputedRef<PickOption[]>
  themeOptions: ComputedRef<PickOption[]>
  exporting: Ref<boolean>
  message: Ref<{ kind: 'done' | 'error', text: string } | undefined>
  run: () => Promise<void>
}

/** Why nothing can be exported for the choice, in words; '' when the export can go ahead. */
function blocker(choice: LedgerChoice, unit: string, filter: LedgerFilter | undefined, rows: number | undefined): string {
  if (choice === 'unit' && !unit)
    return '尚未设置“我的单位”，无法按单位导出。'
  if (!filter)
    return choice === 'plan' ? '请选择一个计划。' : '请选择一个主题。'
  if (rows === 0)
    return '所选范围没有要点，请换一个范围再导出。'
  return ''
}

/** The 工作台账 export page's state: the data (live from IndexedDB), the picked filter and format, and the download. */
export function useLedgerExport(): LedgerExport {
  const source = useLiveQuery(loadLedgerSource)
  const { unit } = useMyUnit()
  const choice = ref<LedgerChoice>('all')
  const plan = ref('')
  const theme = ref('')
  const format = ref<LedgerFormat>('xlsx')
  const exporting = ref(false)
  const message = ref<{ kind: 'done' | 'error', text: string }>()

  const counts = computed(() => (source.value ? ledgerCounts(source.value, unit.value) : undefined))
  const filter = computed(() => choiceFilter(choice.value, { unit: unit.value, plan: plan.value, theme: theme.value }))
  const rows = computed(() => (counts.value && filter.value ? filterCount(counts.value, filter.value) : undefined))
  const blocked = computed(() => (source.value ? blocker(choice.value, unit.value, filter.value, rows.value) : ''))
  const choiceOptions = computed(() => LEDGER_CHOICES.map(o => ({
    ...o,
    count: counts.value && o.value !== 'plan' && o.value !== 'theme' ? counts.value[o.value] : undefined,
  })))
  const planOptions = computed(() => (source.value?.plans ?? [])
    .map(p => ({ id: p.id, name: p.title, count: counts.value?.plans.get(p.id) ?? 0 }))
    .filter(o => o.count > 0))
  const themeOptions = computed(() => (source.value?.themes ?? [])
    .map(t => ({ id: t.id, name: t.name, count: counts.value?.themes.get(t.id) ?? 0 }))
    .filter(o => o.count > 0))
  const fileName = computed(() => (filter.value && source.value ? ledgerFileName(ledgerFilterLabel(filter.value, source.value), format.value) : ''))

  async function run() {
    if (blocked.value || !source.value || !filter.value) {
      message.value = { kind: 'error', text: blocked.value || '数据仍在读取，请稍候再试。' }
      return
    }
    exporting.value = true
    message.value = undefined
    try {
      const file = await buildLedgerFile(source.value, filter.value, format.value)
      downloadBlob(file.blob, file.name)
      message.value = { kind: 'done', text: `已导出 ${file.rows} 条要点：${file.name}` }
    }
    catch (e) {
      const reason = e instanceof Error && e.name === 'QuotaExceededError' ? '手机存储空间不足' : e instanceof Error && /import|fetch|load/i.test(e.message) ? '导出组件未能加载（离线时请先在联网状态下打开一次本页）' : e instanceof Error ? e.message : String(e)
      message.value = { kind: 'error', text: `导出失败：${reason}。` }
    }
    finally {
      exporting.value = false
    }
  }

  return { source, counts, unit, choice, plan, theme, format, filter, rows, fileName, blocked, choiceOptions, planOptions, themeOptions, exporting, message, run }
}
