/** What the 打卡 sheet says when the phone's or the browser's storage for the app is full. */
export const STORAGE_FULL_MESSAGE = '手机存储空间不足（或浏览器给本应用的空间已满），打卡未保存，填写的内容仍在。请删除几张照片或清理手机存储后再保存。'

/**
 * True when a failed write ran out of storage: IndexedDB's QuotaExceededError, as is or wrapped by Dexie (an
 * aborted transaction reports AbortError with the cause inside).
 */
export function isStorageFull(error: unknown): boolean {
  for (let e = error as { name?: unknown, inner?: unknown } | undefined, depth = 0; e && depth < 4; e = e.inner as typeof e, depth++) {
    if (e.name === 'QuotaExceededError')
      return true
  }
  return false
}
