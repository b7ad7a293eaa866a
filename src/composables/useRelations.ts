import type { MaybeRefOrGetter, Ref } from 'vue'
import type { PointRow } from '~/db/points'
import type { ReverseRelations } from '~/domain/reverse-relations'
import { toValue } from 'vue'
import { getReverseRelations } from '~/db/relations'
import { useLiveQuery } from './useLiveQuery'

/** 下年要点 and 下级落实 of a point (the opposite directions of `related`), live. */
export function useReverseRelations(pointId: MaybeRefOrGetter<string>): Ref<ReverseRelations<PointRow>> {
  return useLiveQuery(() => getReverseRelations(toValue(pointId)), [() => toValue(pointId)], { successors: [], implementations: [] })
}
