import type { MaybeRefOrGetter, Ref } from 'vue'
import type { PointRow } from '~/db/points'
import type { SearchAnswer } from '~/search/point-search'
import { getCurrentScope, onScopeDispose, shallowRef, toValue, watch } from 'vue'
import { searchPointIds, searchPoints, searchWithHits } from '~/search/point-search'
import { usePlanDataKey } from './useStorage'

export interface UseSearchOptions {
  /** Wait this long after the last keystroke before searching. */
  debounceMs?: number
  limit?: number
}

/** Searches work points as the query changes (characters anywhere, or pinyin initials); title hits first. */
export function useSearch(q: MaybeRefOrGetter<string>, options: UseSearchOptions = {}): { results: Ref<PointRow[]>, searching: Ref<boolean> } {
  return useSearchWith(searchPoints, q, options)
}

/** Like useSearch, but only the ids (a search deck reads its cards itself). */
export function useSearchIds(q: MaybeRefOrGetter<string>, options: UseSearchOptions = {}): { results: Ref<string[]>, searching: Ref<boolean> } {
  return useSearchWith(searchPointIds, q, options)
}

const NO_ANSWER: SearchAnswer = { ids: [], hits: [], themes: [], closestTheme: null, alternatives: [] }

/** The search page's answer: ids, highlights of the first page, theme suggestions and what to try when nothing is found. */
export function useSearchAnswer(q: MaybeRefOrGetter<string>, options: UseSearchOptions = {}): { results: Ref<SearchAnswer>, searching: Ref<boolean> } {
  return useSearchWith(searchWithHits, q, options, NO_ANSWER)
}

function useSearchWith<T>(fetch: (q: string, limit?: number) => Promise<T>, q: MaybeRefOrGetter<string>, options: UseSearchOptions, empty: T = [] as T): { results: Ref<T>, searching: Ref<boolean> } {
  const { debounceMs = 150, limit } = options
  const results = shallowRef<T>(empty)
  const searching = shallowRef(false)
  // An import or a data replace re-runs the current query against the new index.
  const version = usePlanDataKey()
  let run = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  const search = async (query: string, ticket: number) => {
    try {
      const found = await fetch(query, limit)
      if (ticket === run)
        results.value = found
    }
    catch (e) {
      console.error('[useSearch]', e)
      if (ticket === run)
        results.value = empty
    }
    finally {
      if (ticket === run)
        searching.value = false
    }
  }

  watch([() => toValue(q).trim(), version], ([query]) => {
    const ticket = ++run
    clearTimeout(timer)
    if (query === '') {
      results.value = empty
      searching.value = false
      return
    }
    searching.value = true
    if (debounceMs > 0)
      timer = setTimeout(() => void search(query, ticket), debounceMs)
    else
      void search(query, ticket)
  }, { immediate: true, flush: 'sync' }) // sync: `searching` turns true the moment the query changes, so stale results never show as current

  if (getCurrentScope()) {
    onScopeDispose(() => {
      run++
      clearTimeout(timer)
    })
  }
  return { results, searching }
}
