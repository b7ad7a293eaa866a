import { db } from './db'
import { META_KEYS } from './meta'

/**
 * Whether deadline reminders are on, read without the settings parser: 首页 asks on every start, and everything
 * else about reminders (reminder-meta.ts and up) loads only when the answer is yes.
 */
export async function remindersOn(): Promise<boolean> {
  const value = (await db.meta.get(META_KEYS.reminderSettings))?.value as { on?: unknown } | undefined
  return value?.on === true
}
