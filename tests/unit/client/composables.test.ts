import type { EffectScope } from 'vue'
import type { DeckSource } from '~/domain/deck'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref, watch } from 'vue'
import { useCheckinHistory, useDeckIds, useDueSoon, useFavoriteIds, useLatestCheckins, useLiveQuery, usePlans, usePoint, useSearch, useThemesWithCounts, useUnsyncedCount } from '~/composables'
import { useFilteredList } from '~/composables/useFilteredList'
import { useCurrentPlanIds } from '~/composables/usePlanCurrency'
import { useDataVersion } from '~/composables/useStorage'
import { addCheckin, setFavorite } from '~/db/actions'
import { db } from '~/db/db'
import { replacePlanData } from '~/db/plan-data-loader'
import { withPinyin } from '~/search/plan-pinyin'
import { resetDb, samplePlanData } from '../db/fixtures'

let scope: EffectScope
beforeEach(async () => {
  await resetDb()
  await replacePlanData(withPinyin(samplePlanData('v1')))
  scope = effectScope()
})
afterEach(() => scope.stop())

function inScope<T>(fn: () => T): T {
  return scope.run(fn)!
}

describe('useLiveQuery', () => {
  it('updates when the table changes and stops after the scope is disposed', async () => {
    const count = inScope(() => useUnsyncedCount())
    await vi.waitFor(() => expect(count.value).toBe(0))
    await addCheckin({ pointId: 'hunan-2023-zwfw-1', status: 'in_progress', progress: 20, note: '' })
    await vi.waitFor(() => expect(count.value).toBe(1))
    await setFavorite('hunan-2023-zwfw-2', true)
    await vi.waitFor(() => expect(count.value).toBe(2))

    scope.stop()
    await setFavorite('hunan-2023-zwfw-3', true)
    await new Promise(r => setTimeout(r, 50))
    expect(count.value).toBe(2)
  })

  it('re-subscribes when its dependencies change', async () => {
    const id = ref('hunan-2023-zwfw-1')
    const point = inScope(() => usePoint(id))
    await vi.waitFor(() => expect(point.value?.title).toBe('深化一件事一次办改革'))
    id.value = 'hunan-2023-zwfw-2'
    await vi.waitFor(() => expect(point.value?.title).toBe('优化12345热线服务'))
    await db.points.update('hunan-2023-zwfw-2', { title: '改了标题' })
    await vi.waitFor(() => expect(point.value?.title).toBe('改了标题'))
  })

  it('starts from the initial value when one is given', () => {
    const v = inScope(() => useLiveQuery(() => db.points.count(), undefined, -1))
    expect(v.value).toBe(-1)
  })
})

describe('data composables', () => {
  it('follow favorites, check-ins and plan data replacement', async () => {
    const { favs, history, latest, plans, themes, version } = inScope(() => ({
      favs: useFavoriteIds(),
      history: useCheckinHistory('hunan-2023-zwfw-1'),
      latest: useLatestCheckins(),
      plans: usePlans(),
      themes: useThemesWithCounts(),
      version: useDataVersion(),
    }))
    // Not yet answered is not "no check-ins": the card says 读取中… rather than 尚未打卡.
    expect(history.value).toBeUndefined()
    await vi.waitFor(() => expect(plans.value?.map(p => p.id)).toEqual(['hunan-2023-zwfw', 'changsha-2023-zwgk']))
    await vi.waitFor(() => expect(history.value).toEqual([]))
    expect(favs.value.size).toBe(0)

    await setFavorite('hunan-2023-zwfw-1', true)
    await vi.waitFor(() => expect([...favs.value]).toEqual(['hunan-2023-zwfw-1']))
    await setFavorite('hunan-2023-zwfw-1', false)
    await vi.waitFor(() => expect(favs.value.size).toBe(0))

    const first = await addCheckin({ pointId: 'hunan-2023-zwfw-1', status: 'in_progress', progress: 20, note: '' }, new Date('2026-11-20T00:00:00Z'))
    const second = await addCheckin({ pointId: 'hunan-2023-zwfw-1', status: 'done', progress: 100, note: '' }, new Date('2026-11-21T00:00:00Z'))
    await vi.waitFor(() => expect(history.value?.map(c => c.id)).toEqual([second.id, first.id]))
    await vi.waitFor(() => expect(latest.value.get('hunan-2023-zwfw-1')?.id).toBe(second.id))

    const v2 = samplePlanData('v2')
    v2.themes = v2.themes.slice(0, 1)
    await replacePlanData(withPinyin(v2))
    await vi.waitFor(() => expect(version.value).toBe('v2'))
    await vi.waitFor(() => expect(themes.value?.map(t => t.theme.id)).toEqual(['yjs']))
  })

  it('lists due-soon points and drops one once it is done', async () => {
    const due = inScope(() => useDueSoon())
    // The sample deadlines (2023) are long past.
    await vi.waitFor(() => expect(due.value.map(d => d.point.id)).toEqual(['hunan-2023-zwfw-1', 'hunan-2023-zwfw-3', 'changsha-2023-zwgk-1']))
    expect(due.value[0]!.status.kind).toBe('overdue')
    await addCheckin({ pointId: 'hunan-2023-zwfw-3', status: 'done', progress: 100, note: '' })
    await vi.waitFor(() => expect(due.value.map(d => d.point.id)).toEqual(['hunan-2023-zwfw-1', 'changsha-2023-zwgk-1']))
  })
})

describe('useDueSoon with a limit', () => {
  it('fills in when the plan data arrives after the first (empty) answer', async () => {
    await resetDb()
    const due = inScope(() => useDueSoon(30, 1))
    await new Promise(r => setTimeout(r, 30))
    expect(due.value).toEqual([])
    await replacePlanData(withPinyin(samplePlanData('v2')))
    await vi.waitFor(() => expect(due.value.map(d => d.point.id)).toEqual(['hunan-2023-zwfw-1']))
  })
})

describe('useDeckIds', () => {
  it('follows the source: plan, section, theme, favorites, ids and search', async () => {
    const source = ref<DeckSource>({ kind: 'plan', id: 'hunan-2023-zwfw' })
    const deck = inScope(() => useDeckIds(source))
    const ids = () => deck.value
    await vi.waitFor(() => expect(ids()).toEqual(['hunan-2023-zwfw-1', 'hunan-2023-zwfw-2', 'hunan-2023-zwfw-3', 'hunan-2023-zwfw-4']))

    source.value = { kind: 'plan', id: 'hunan-2023-zwfw', sectionNo: 2 }
    await vi.waitFor(() => expect(ids()).toEqual(['hunan-2023-zwfw-3', 'hunan-2023-zwfw-4']))

    source.value = { kind: 'theme', id: 'yjs' }
    await vi.waitFor(() => expect(ids()).toEqual(['hunan-2023-zwfw-1', 'hunan-2023-zwfw-3']))

    source.value = { kind: 'favorites' }
    await vi.waitFor(() => expect(ids()).toEqual([]))
    await setFavorite('hunan-2023-zwfw-4', true)
    await setFavorite('changsha-2023-zwgk-1', true)
    await vi.waitFor(() => expect(ids()).toEqual(['changsha-2023-zwgk-1', 'hunan-2023-zwfw-4']))

    source.value = { kind: 'ids', ids: ['hunan-2023-zwfw-2', 'changsha-2023-zwgk-1'] }
    await vi.waitFor(() => expect(ids()).toEqual(['hunan-2023-zwfw-2', 'changsha-2023-zwgk-1']))

    source.value = { kind: 'search', q: 'yjs' }
    await nextTick()
    expect(deck.value).toBeUndefined() // loading, not a stale deck
    // the title hit first, then the body that holds 一件事 (initials find what the characters find)
    await vi.waitFor(() => expect(ids()).toEqual(['hunan-2023-zwfw-1', 'hunan-2023-zwfw-3']))
  })
})

describe('useFilteredList', () => {
  it('answers a 我的进展 filter only once the check-ins are read, never on "no check-ins yet"', async () => {
    await addCheckin({ pointId: 'hunan-2023-zwfw-3', status: 'blocked', progress: 10, note: '' })
    // The deck's ids and the current plans already read (shared queries another page holds): the points come
    // back in one read, which may well beat the check-ins.
    const held = inScope(() => ({ ids: useDeckIds({ kind: 'theme', id: 'yjs' }), current: useCurrentPlanIds() }))
    await vi.waitFor(() => expect(held.ids.value && held.current.value).toBeTruthy())
    // The check-ins answer late: a write holds their table a while.
    const busy = db.transaction('rw', db.checkins, async () => {
      const end = Date.now() + 300
      while (Date.now() < end)
        await db.checkins.count()
    })
    const answers: (string[] | undefined)[] = []
    inScope(() => {
      const list = useFilteredList({ kind: 'theme', id: 'yjs' }, { status: 'blocked' })
      // Every answer, as a deck that keeps its first ids (DeckPage, filtered by status) would see it.
      watch(list.ids, ids => answers.push(ids), { immediate: true, flush: 'sync' })
    })
    await busy
    await vi.waitFor(() => expect(answers.at(-1)).toEqual(['hunan-2023-zwfw-3']))
    expect(answers.filter(a => a !== undefined)).toEqual([['hunan-2023-zwfw-3']])
  })
})

describe('useSearch', () => {
  it('searches as the query changes and rebuilds after new plan data', async () => {
    const q = ref('')
    const { results, searching } = inScope(() => useSearch(q, { debounceMs: 10 }))
    expect(results.value).toEqual([])
    expect(searching.value).toBe(false)

    q.value = '一件事'
    await nextTick()
    expect(searching.value).toBe(true)
    // Title hit first, then the body hit.
    await vi.waitFor(() => expect(results.value.map(p => p.id)).toEqual(['hunan-2023-zwfw-1', 'hunan-2023-zwfw-3']))
    expect(searching.value).toBe(false)

    q.value = '12345rx'
    await vi.waitFor(() => expect(results.value.map(p => p.id)).toEqual(['hunan-2023-zwfw-2']))

    q.value = '新增的要点'
    await vi.waitFor(() => expect(searching.value).toBe(false))
    expect(results.value).toEqual([])
    const v2 = samplePlanData('v2')
    v2.plans[0]!.sections[0]!.points[0]!.title = '新增的要点'
    await replacePlanData(withPinyin(v2))
    await vi.waitFor(() => expect(results.value.map(p => p.id)).toEqual(['changsha-2023-zwgk-1']))

    q.value = '  '
    await vi.waitFor(() => expect(results.value).toEqual([]))
  })
})
