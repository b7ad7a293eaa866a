/** Every screen of the app, with what shows that it has drawn its data (used by the console and elder specs). */
export const PLAN_ID = 'hunan-2023-zwgk'
export const POINT_ID = 'hunan-2023-zwgk-1'

export const ROUTES: { path: string, ready: string }[] = [
  { path: '/', ready: '.theme-grid__tile' },
  { path: '/themes', ready: '.theme-grid__tile' },
  { path: '/favorites', ready: '.page-header__title' },
  { path: '/me', ready: '[data-testid="me-more"]' },
  { path: `/search?q=${encodeURIComponent('电子证照')}`, ready: '[data-testid="search-count"]' },
  { path: `/plan/${PLAN_ID}`, ready: '.plan-page__section' },
  { path: `/deck?kind=theme&id=yijianshi`, ready: '.deck__slot[data-current="true"] article' },
  { path: `/board/plan/${PLAN_ID}`, ready: '[data-testid="board-percent"]' },
  { path: `/point/${POINT_ID}`, ready: `article[data-point="${POINT_ID}"]` },
  { path: '/ledger', ready: '[data-testid="ledger-summary"]' },
  { path: '/import', ready: '.page-header__title' },
  { path: '/about', ready: '[data-testid="about-intro"]' },
  { path: '/help', ready: '[data-testid="help-find"]' },
  { path: '/privacy', ready: '[data-testid="privacy-who"]' },
]
