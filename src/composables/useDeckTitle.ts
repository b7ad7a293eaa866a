import type { ComputedRef, MaybeRefOrGetter } from 'vue'
import type { DeckSource } from '~/domain/deck'
import { computed, toValue } from 'vue'
import { usePlan, useThemesWithCounts } from './usePlans'

/** A deck's (or its list's) title in words: the theme's name, the plan's title, 我的收藏 … */
export function useDeckTitle(source: MaybeRefOrGetter<DeckSource>): ComputedRef<string> {
  const themes = useThemesWithCounts()
  // Only the plan the deck is about: with thousands of plans, reading them all for one title costs the first card.
  const planId = (s: DeckSource): string => (s.kind === 'plan' ? s.id : s.kind === 'filtered' ? planId(s.base) : '')
  const plan = usePlan(() => planId(toValue(source)))
  const title = (s: DeckSource): string => {
    switch (s.kind) {
      case 'theme':
        return themes.value?.find(t => t.theme.id === s.id)?.theme.name ?? '主题'
      case 'plan': {
        const name = (plan.value?.id === s.id ? plan.value.title : undefined) ?? '工作要点'
        return s.sectionNo !== undefined ? `${name} · 第${s.sectionNo}部分` : name
      }
      case 'search':
        return `搜索：${s.q}`
      case 'favorites':
        return '我的收藏'
      case 'due':
        return '临近截止'
      case 'ids':
        return '要点卡片'
      case 'unit':
        return '我的单位'
      case 'filtered':
        return title(s.base)
    }
  }
  return computed(() => title(toValue(source)))
}
