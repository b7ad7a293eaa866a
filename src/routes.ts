import type { RouteRecordRaw, RouterHistory } from 'vue-router'
import { createRouter } from 'vue-router'
import HomePage from './pages/HomePage.vue'

type LazyPage = keyof typeof import('./pages/lazy-pages')
const page = (name: LazyPage) => () => import('./pages/lazy-pages').then(pages => pages[name])

// 首页 is in the first-load bundle; every other screen loads on demand, all of them from one chunk (pages/lazy-pages.ts).
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomePage, meta: { title: '要点通', tab: 'home' } },
  { path: '/themes', name: 'themes', component: page('ThemesPage'), meta: { title: '主题', tab: 'themes' } },
  { path: '/favorites', name: 'favorites', component: page('FavoritesPage'), meta: { title: '我的收藏', tab: 'favorites' } },
  { path: '/me', name: 'me', component: page('MePage'), meta: { title: '我的', tab: 'me' } },
  { path: '/search', name: 'search', component: page('SearchPage'), meta: { title: '搜索' } },
  { path: '/plan/:id', name: 'plan', component: page('PlanPage'), meta: { title: '工作要点' } },
  { path: '/deck', name: 'deck', component: page('DeckPage'), meta: { title: '要点卡片' } },
  { path: '/list', name: 'list', component: page('ListPage'), meta: { title: '要点列表' } },
  { path: '/board', redirect: '/board/mine' },
  { path: '/board/:kind(plan|theme)/:id', name: 'board', component: page('BoardPage'), meta: { title: '进度看板' } },
  { path: '/board/mine', name: 'board-mine', component: page('BoardPage'), meta: { title: '进度看板', tab: 'me' } },
  { path: '/ledger', name: 'ledger', component: page('LedgerPage'), meta: { title: '导出工作台账', tab: 'me' } },
  { path: '/import', name: 'import', component: page('ImportPage'), meta: { title: '导入文件' } },
  { path: '/point/:id', name: 'point', component: page('PointPage'), meta: { title: '要点详情' } },
  { path: '/about', name: 'about', component: page('AboutPage'), meta: { title: '关于', tab: 'me' } },
  { path: '/help', name: 'help', component: page('HelpPage'), meta: { title: '使用帮助', tab: 'me' } },
  { path: '/privacy', name: 'privacy', component: page('PrivacyPage'), meta: { title: '隐私说明', tab: 'me' } },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

/** The app's router over `history`: the browser's, or a memory history for the build's prerender of 首页. */
export function createAppRouter(history: RouterHistory) {
  return createRouter({ history, routes, scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 } })
}
