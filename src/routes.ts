import type { RouteRecordRaw, RouterHistory } from 'vue-router'
import { createRouter } from 'vue-router'
import HomePage from './pages/HomePage.vue'

// 首页 is in the first-load bundle; every other screen loads on demand (150 KB budget).
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomePage, meta: { title: '要点通', tab: 'home' } },
  { path: '/themes', name: 'themes', component: () => import('./pages/ThemesPage.vue'), meta: { title: '主题', tab: 'themes' } },
  { path: '/favorites', name: 'favorites', component: () => import('./pages/FavoritesPage.vue'), meta: { title: '我的收藏', tab: 'favorites' } },
  { path: '/me', name: 'me', component: () => import('./pages/MePage.vue'), meta: { title: '我的', tab: 'me' } },
  { path: '/search', name: 'search', component: () => import('./pages/SearchPage.vue'), meta: { title: '搜索' } },
  { path: '/plan/:id', name: 'plan', component: () => import('./pages/PlanPage.vue'), meta: { title: '工作要点' } },
  { path: '/deck', name: 'deck', component: () => import('./pages/DeckPage.vue'), meta: { title: '要点卡片' } },
  { path: '/list', name: 'list', component: () => import('./pages/ListPage.vue'), meta: { title: '要点列表' } },
  { path: '/board', redirect: '/board/mine' },
  { path: '/board/:kind(plan|theme)/:id', name: 'board', component: () => import('./pages/BoardPage.vue'), meta: { title: '进度看板' } },
  { path: '/board/mine', name: 'board-mine', component: () => import('./pages/BoardPage.vue'), meta: { title: '进度看板', tab: 'me' } },
  { path: '/ledger', name: 'ledger', component: () => import('./pages/LedgerPage.vue'), meta: { title: '导出工作台账', tab: 'me' } },
  { path: '/import', name: 'import', component: () => import('./pages/ImportPage.vue'), meta: { title: '导入文件' } },
  { path: '/point/:id', name: 'point', component: () => import('./pages/PointPage.vue'), meta: { title: '要点详情' } },
  { path: '/about', name: 'about', component: () => import('./pages/AboutPage.vue'), meta: { title: '关于', tab: 'me' } },
  { path: '/help', name: 'help', component: () => import('./pages/HelpPage.vue'), meta: { title: '使用帮助', tab: 'me' } },
  { path: '/privacy', name: 'privacy', component: () => import('./pages/PrivacyPage.vue'), meta: { title: '隐私说明', tab: 'me' } },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

/** The app's router over `history`: the browser's, or a memory history for the build's prerender of 首页. */
export function createAppRouter(history: RouterHistory) {
  return createRouter({ history, routes, scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 } })
}
