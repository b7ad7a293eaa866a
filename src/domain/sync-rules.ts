/**
 * The plain values of the sync API contract (sync-api.ts): batch and page sizes, name lengths and the rejection
 * reasons with their words. Without zod, so the client (also in the service worker) uses them while the schemas
 * are built from the same constants.
 */

/** Largest batch `POST /api/sync/push` accepts; the client splits bigger outboxes. */
export const PUSH_MAX_MUTATIONS = 500
/** Default and largest page of `GET /api/sync/pull`. */
export const PULL_DEFAULT_LIMIT = 200
export const PULL_MAX_LIMIT = 1000

export const USER_NAME_MAX_LENGTH = 100
export const UNIT_MAX_LENGTH = 200

/**
 * Why the server refused a mutation. Rejections are final: retrying the same
 * mutation gets the same answer, so the client drops it from the outbox and shows the reason.
 */
export const REJECT_REASONS = [
  /** The point id is not in the published plan data. */
  'unknown point',
  /** This user already sent this mutation id with other content. */
  'mutation id reused',
  /** This user already has a check-in with this id and other content. */
  'check-in id taken',
  /** A text field holds a NUL or a lone surrogate, which cannot be stored (`field` names it). */
  'unstorable text',
] as const

export const REJECT_REASON_LABELS: Record<typeof REJECT_REASONS[number], string> = {
  'unknown point': '要点不存在（可能已被撤下）',
  'mutation id reused': '同步编号重复，已忽略',
  'check-in id taken': '打卡记录编号冲突，已忽略',
  'unstorable text': '内容含有无法保存的字符（如空字符），服务器无法保存',
}

/** Words for a rejection reason; a reason this client does not know yet is shown as the server wrote it. */
export function rejectReasonLabel(reason: string): string {
  return (REJECT_REASON_LABELS as Record<string, string>)[reason] ?? `服务器拒收：${reason}`
}
