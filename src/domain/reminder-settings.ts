/**
 * The deadline reminder settings (rules in reminders.ts). Apart, because 首页 reads them on every start: this module
 * must stay free of the matching code the reminders themselves need.
 */

export type ReminderLead = 1 | 3 | 7
export const REMINDER_LEADS: readonly ReminderLead[] = [1, 3, 7]

export interface ReminderSettings {
  on: boolean
  leadDays: ReminderLead
  /** Scope: favorited points, 我的单位's points (either or both). */
  favorites: boolean
  unit: boolean
  /**
   * Snapshots of page-only state, so the service worker (which cannot read localStorage) decides the same way: the
   * unit picked on this device (the signed-in account's unit wins) and whether 长辈模式 is on (banners only).
   */
  pickedUnit: string
  elder: boolean
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { on: false, leadDays: 3, favorites: true, unit: true, pickedUnit: '', elder: false }

/** Settings as stored (maybe by an older build, or damaged): anything unknown falls back to the default, i.e. off. */
export function parseReminderSettings(value: unknown): ReminderSettings {
  const v = (value && typeof value === 'object' ? value : {}) as Partial<Record<keyof ReminderSettings, unknown>>
  const d = DEFAULT_REMINDER_SETTINGS
  const bool = (x: unknown, fallback: boolean) => (typeof x === 'boolean' ? x : fallback)
  return {
    on: bool(v.on, d.on),
    leadDays: REMINDER_LEADS.includes(v.leadDays as ReminderLead) ? v.leadDays as ReminderLead : d.leadDays,
    favorites: bool(v.favorites, d.favorites),
    unit: bool(v.unit, d.unit),
    pickedUnit: typeof v.pickedUnit === 'string' ? v.pickedUnit : d.pickedUnit,
    elder: bool(v.elder, d.elder),
  }
}
