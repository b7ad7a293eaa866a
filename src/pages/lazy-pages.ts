/**
 * Every page but 首页, loaded on demand as one chunk. The service worker precaches them all on the first visit, so
 * one chunk costs no byte more than thirty: as separate chunks (one per page and one per set of pages sharing a
 * module) they came to 68 KB on the wire, and together to 48 KB, with one set of headers instead of thirty. The first
 * page opened after 首页 compiles the lot once (~160 KB of script), then every other screen opens without a load.
 */
export { default as AboutPage } from './AboutPage.vue'
export { default as BoardPage } from './BoardPage.vue'
export { default as DeckPage } from './DeckPage.vue'
export { default as FavoritesPage } from './FavoritesPage.vue'
export { default as HelpPage } from './HelpPage.vue'
export { default as ImportPage } from './ImportPage.vue'
export { default as LedgerPage } from './LedgerPage.vue'
export { default as ListPage } from './ListPage.vue'
export { default as MePage } from './MePage.vue'
export { default as PlanPage } from './PlanPage.vue'
export { default as PointPage } from './PointPage.vue'
export { default as PrivacyPage } from './PrivacyPage.vue'
export { default as SearchPage } from './SearchPage.vue'
export { default as ThemesPage } from './ThemesPage.vue'
