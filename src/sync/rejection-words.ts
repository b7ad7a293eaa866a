import { rejectReasonLabel } from '~/domain/sync-rules'

/** How many 5xx answers for one row alone (the server healthy otherwise) set it apart. */
export const SERVER_FAILURES_TO_SET_APART = 3

const FIELD_LABELS: Record<string, string> = {
  'checkin.note': '备注',
  'checkin.pointId': '要点编号',
  'checkin.deviceId': '设备编号',
  'favorite.pointId': '要点编号',
  'favorite.deviceId': '设备编号',
}

/** A server rejection in words, naming the field where the server named one. */
export function describeRejection(reason: string, field?: string): string {
  const label = rejectReasonLabel(reason)
  if (!field)
    return label
  return `${label}（${FIELD_LABELS[field] ?? field}）`
}

/** Why a row the server kept failing on was set apart. */
export function serverFailureReason(status: number): string {
  return `服务器多次无法保存这条记录（错误 ${status}），已单独列出，其他记录照常同步；可稍后重新发送`
}
