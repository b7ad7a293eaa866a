import type { SharedEntry } from '~/db/shared-files'
import { SHARE_FIELDS } from './import-assets'

// Web Share Target: what Android's share sheet posts (multipart/form-data: files, title, text), read by the service
// worker. No DOM types here: the worker's tsconfig has none.

/** Reads a share target POST into entries to store: every file, and the text (with its title) when there is some. */
export async function readSharedForm(form: FormData): Promise<SharedEntry[]> {
  const entries: SharedEntry[] = []
  for (const value of form.getAll(SHARE_FIELDS.files)) {
    if (typeof value === 'string')
      continue
    entries.push({ kind: 'file', name: value.name, type: value.type, bytes: await value.arrayBuffer() })
  }
  const text = String(form.get(SHARE_FIELDS.text) ?? '')
  const title = String(form.get(SHARE_FIELDS.title) ?? '')
  if (text.trim())
    entries.push({ kind: 'text', title: title.trim(), text })
  return entries
}
