import type { MaybeRefOrGetter, Ref } from 'vue'
import type { CheckinRow } from '~/db/checkins'
import type { DueSoonItem } from '~/db/queries'
import { toValue } from 'vue'
import { getCheckinHistory, getDueSoon, getDueSoonSummary, getLatestCheckins } from '~/db/queries'
import { DUE_SOON_DAYS } from '~/domain/deadline'
import { useLiveQuery } from './useLiveQuery'

/** A point's check-ins, newest first. */
export function useCheckinHistory(pointId: MaybeRefOrGetter<string>): Ref<CheckinRow[]> {
  return useLiveQuery(() => getCheckinHistory(toValue(pointId)), [() => toValue(pointId)], [])
}

/** The newest check-in per point id. */
export function useLatestCheckins(): Ref<Map<string, CheckinRow>> {
  return useLiveQuery(getLatestCheckins, undefined, new Map<string, CheckinRow>())
}

/** 临近截止: overdue and due within `days`, overdue first; points already 已完成 are left out. `limit` caps the list (cheap with 100k points). */
export function useDueSoon(days: MaybeRefOrGetter<number> = DUE_SOON_DAYS, limit?: MaybeRefOrGetter<number | undefined>): Ref<DueSoonItem[]> {
  return useLiveQuery(() => getDueSoon(toValue(days), new Date(), toValue(limit)), [() => toValue(days), () => toValue(limit)], [])
}

/** The first `limit` due-soon items and the total, live (one read of the deadline index for both). */
export function useDueSoonSummary(limit: MaybeRefOrGetter<number>, days: MaybeRefOrGetter<number> = DUE_SOON_DAYS): Ref<{ items: DueSoonItem[], total: number }> {
  return useLiveQuery(() => getDueSoonSummary(toValue(days), new Date(), toValue(limit)), [() => toValue(days), () => toValue(limit)], { items: [], total: 0 })
}
