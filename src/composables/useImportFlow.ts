import type { Ref } from 'vue'
import type { LocalImportOutcome } from '~/db/local-plans'
import type { ImportPreview } from '~/import/import-preview'
import type { ImportResult } from '~/import/import-protocol'
import type { ChosenFile } from '~/import/import-sources'
import type { ImportProgress, ImportRun } from '~/import/run-import'
import { getCurrentScope, onScopeDispose, ref, shallowRef } from 'vue'
import { importLocalPlans, storedPlanOrigins } from '~/db/local-plans'
import { takeSharedEntries } from '~/db/shared-files'
import { buildImportPreview } from '~/import/import-preview'
import { MAX_IMPORT_BYTES, pastedTextFile, sharedEntryFiles, withUniqueNames } from '~/import/import-sources'
import { runImport } from '~/import/run-import'

/** choose → parsing → preview → (确认导入) done, or back to choose (取消). */
export type ImportPhase = 'choose' | 'parsing' | 'preview' | 'saving' | 'done'

export interface ImportFlow {
  phase: Ref<ImportPhase>
  files: Ref<ChosenFile[]>
  pasted: Ref<string>
  progress: Ref<ImportProgress | undefined>
  preview: Ref<ImportPreview | undefined>
  outcome: Ref<LocalImportOutcome | undefined>
  /** What went wrong, or why a file was left out, in words. */
  message: Ref<string>
  addFiles: (picked: File[]) => Promise<void>
  removeFile: (name: string) => void
  takeShared: () => Promise<number>
  parse: () => Promise<void>
  confirm: () => Promise<void>
  cancel: () => void
}

/**
 * The import page's flow: files picked, shared or pasted; parsed in the import worker with progress; a preview;
 * 确认导入 stores the plans as 本机导入, 取消 stores nothing. UI state only: the plans reach IndexedDB on confirm.
 */
export function useImportFlow(): ImportFlow {
  const phase = ref<ImportPhase>('choose')
  const files = shallowRef<ChosenFile[]>([])
  const pasted = ref('')
  const progress = shallowRef<ImportProgress>()
  const preview = shallowRef<ImportPreview>()
  const outcome = shallowRef<LocalImportOutcome>()
  const message = ref('')
  let result: ImportResult | undefined
  let run: ImportRun | undefined

  const add = (more: ChosenFile[]) => {
    files.value = withUniqueNames([...files.value, ...more])
  }

  async function addFiles(picked: File[]) {
    const tooLarge = picked.filter(f => f.size > MAX_IMPORT_BYTES)
    message.value = tooLarge.length ? `${tooLarge.map(f => f.name).join('、')} 超过 50 MB，没有加入。` : ''
    const read = await Promise.all(picked.filter(f => f.size <= MAX_IMPORT_BYTES).map(async f => ({ name: f.name, bytes: await f.arrayBuffer(), origin: 'picked' as const })))
    add(read)
  }

  function removeFile(name: string) {
    files.value = files.value.filter(f => f.name !== name)
  }

  /** Takes what the share sheet sent (stored by the service worker) into the list; returns how many documents. */
  async function takeShared(): Promise<number> {
    const shared = sharedEntryFiles(await takeSharedEntries())
    add(shared)
    return shared.length
  }

  async function parse() {
    const documents = withUniqueNames([...files.value, ...(pasted.value.trim() ? [pastedTextFile(pasted.value)] : [])])
    if (documents.length === 0) {
      message.value = '请先选择文件，或粘贴文字。'
      return
    }
    message.value = ''
    phase.value = 'parsing'
    progress.value = { done: 0, total: documents.length * 2 + 1, stage: '准备' }
    // The worker takes the bytes (transferred): it gets copies, so the list keeps its own for a second try.
    run = runImport(documents.map(d => ({ name: d.name, bytes: d.bytes.slice(0) })), (p) => {
      progress.value = p
    })
    try {
      result = await run.result
      const origins = await storedPlanOrigins(result.data.plans.map(p => p.id))
      preview.value = buildImportPreview(result, documents.map(d => d.name), origins)
      phase.value = 'preview'
    }
    catch (error) {
      message.value = error instanceof Error ? error.message : String(error)
      phase.value = 'choose'
    }
    finally {
      run = undefined
    }
  }

  async function confirm() {
    if (!result || !preview.value)
      return
    phase.value = 'saving'
    const wanted = new Set(preview.value.plans.filter(p => p.status !== 'exists').map(p => p.id))
    try {
      outcome.value = await importLocalPlans({ plans: result.data.plans.filter(p => wanted.has(p.id)), themes: result.data.themes })
      phase.value = 'done'
      files.value = []
      pasted.value = ''
    }
    catch (error) {
      message.value = `保存失败：${error instanceof Error ? error.message : String(error)}`
      phase.value = 'preview'
    }
  }

  /** 取消: nothing is stored; the chosen files stay listed so the user can change them and try again. */
  function cancel() {
    run?.cancel()
    result = undefined
    preview.value = undefined
    outcome.value = undefined
    phase.value = 'choose'
  }

  if (getCurrentScope())
    onScopeDispose(() => run?.cancel())
  return { phase, files, pasted, progress, preview, outcome, message, addFiles, removeFile, takeShared, parse, confirm, cancel }
}
