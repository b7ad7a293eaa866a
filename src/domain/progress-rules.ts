/**
 * The plain values behind the check-in schema (progress.ts): the statuses, their words and the length limits.
 * Without zod, so the client's 打卡 sheet, lists and local check (record-checks.ts) use them while the schema
 * is built from the same constants.
 */

/** 未开始 / 推进中 / 已完成 / 有困难 */
export const CHECKIN_STATUSES = ['not_started', 'in_progress', 'done', 'blocked'] as const

export const CHECKIN_STATUS_LABELS: Record<typeof CHECKIN_STATUSES[number], string> = {
  not_started: '未开始',
  in_progress: '推进中',
  done: '已完成',
  blocked: '有困难',
}

/** Check-in notes are at most this many UTF-16 code units (the sheet's maxlength). */
export const NOTE_MAX_LENGTH = 2000
export const POINT_ID_MAX_LENGTH = 200
export const DEVICE_ID_MAX_LENGTH = 100
/** Progress is a whole percentage. */
export const PROGRESS_MAX = 100

/** Mutation and check-in ids: UUIDs (the client makes UUIDv7). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
