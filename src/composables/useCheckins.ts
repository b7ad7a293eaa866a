import type { MaybeRefOrGetter, Ref } from 'vue'
import type { CheckinRow } from '~/db/checkins'
import type { DueSoonItem, DueSoonSummary } from '~/db/queries'
import { toValue } from 'vue'
import { getCheckinHistory, getCurrentPlanIds, getDueSoon, getDueSoonSummary, getLatestCheckins, NO_HORIZON } from '~/db/queries'
import { DUE_SOON_DAYS } from '~/domain/deadline'
import { useLiveQuery } from './useLiveQuery'

/** A point's check-ins, newest first. */
export function useCheckinHistory(pointId: MaybeRefOrGetter<string>): Ref<CheckinRow[] | undefined> {
  // Undefined until IndexedDB answers: an empty list would say 尚未打卡 for a moment about a point that has some.
  return useLiveQuery(() => getCheckinHistory(toValue(pointId)), [() => toValue(pointId)])
}

/** The newest check-in per point id. */
export function useLatestCheckins(): Ref<Map<string, CheckinRow>> {
  return useLiveQuery(getLatestCheckins, undefined, new Map<string, CheckinRow>())
}

/** 临近截止: overdue and due within `days`, overdue first; points already 已完成 are left out. `limit` caps the list (cheap with 100k points). */
export function useDueSoon(days: MaybeRefOrGetter<number> = DUE_SOON_DAYS, limit?: MaybeRefOrGetter<number | undefined>): Ref<DueSoonItem[]> {
  return useLiveQuery(() => getDueSoon(toValue(days), new Date(), toValue(limit)), [() => toValue(days), () => toValue(limit)], [])
}

/**
 * 临近截止 on 首页: the first `limit` open points of current plans (overdue first), how many there are and how many
 * are overdue, live. No horizon by default, like the 临近截止 deck, so the list and the deck agree.
 */
export function useDueSoonSummary(limit: MaybeRefOrGetter<number>, days: MaybeRefOrGetter<number> = NO_HORIZON): Ref<DueSoonSummary | undefined> {
  // Undefined until IndexedDB answers with plans in it: a fresh visitor's first answer comes from an empty database,
  // and 首页 (like its prerendered copy) keeps its placeholders rather than flash "all done" before the data lands.
  return useLiveQuery(async () => {
    const [summary, plans] = await Promise.all([getDueSoonSummary(toValue(days), new Date(), toValue(limit)), getCurrentPlanIds()])
    return plans.size ? summary : undefined
  }, [() => toValue(days), () => toValue(limit)])
}
