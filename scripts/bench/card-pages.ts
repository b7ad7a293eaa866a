import type { PointRow } from '../../src/db/points'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DB_NAME } from '../../src/db/db'
import { themeDeckKey } from '../../src/db/deck-index'

/**
 * The cold-start baselines: the first card of the bench deck as plain HTML (static-card.html), and the same card
 * read from the app's own IndexedDB and drawn by a few lines of script without any framework (idb-card.html) —
 * the floor of any app that keeps its data in IndexedDB.
 */
const root = fileURLToPath(new URL('../..', import.meta.url))

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)
}

/** The stylesheets index.html links, so the pages look like the app's card. */
function appStylesheets(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  return [...html.matchAll(/<link\s[^>]*rel=["']stylesheet["'][^>]*>/gi)]
    .map(m => /href=["']([^"']+)["']/.exec(m[0])?.[1])
    .filter((href): href is string => href !== undefined)
}

type CardFields = Pick<PointRow, 'id' | 'title' | 'planTitle' | 'sectionNo' | 'sectionTitle' | 'no' | 'leadUnits' | 'deadlines' | 'targets' | 'body'>

/** PointCard's content in roughly its markup. The idb page runs this same function (its source) in the browser. */
function cardHtml(p: CardFields, total: number, esc: (s: string) => string): string {
  const facts = [
    p.leadUnits.length ? `<div class="point-card__fact"><dt>牵头单位</dt><dd>${esc(p.leadUnits.join('、'))}</dd></div>` : '',
    `<div class="point-card__fact"><dt>时限</dt><dd>${esc(p.deadlines.map(d => d.text).join('、') || '无时限')}</dd></div>`,
    p.targets.length ? `<div class="point-card__fact"><dt>目标</dt><dd><ul class="point-card__targets">${p.targets.map(t => `<li>${esc(t.text)}</li>`).join('')}</ul></dd></div>` : '',
  ].join('')
  return `<p>1 / ${total}</p>
<article class="point-card" aria-label="${esc(p.title)}" data-point="${esc(p.id)}">
<p class="point-card__plan">${esc(p.planTitle)}</p>
<p class="point-card__section">第${p.sectionNo}部分 · ${esc(p.sectionTitle)}</p>
<h2 class="point-card__title"><span class="point-card__no">第${p.no}条</span>${esc(p.title)}</h2>
<dl class="point-card__facts">${facts}</dl>
<div class="point-card__body"><p>${esc(p.body.slice(0, 120))}${p.body.length > 120 ? '…' : ''}</p></div>
</article>`
}

function page(title: string, distDir: string, main: string, script = ''): string {
  const css = readFileSync(join(root, 'src/components/deck/point-card.css'), 'utf8')
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0, viewport-fit=cover">
<title>${title}</title>
<link rel="icon" type="image/svg+xml" href="/icons/icon.svg">
${appStylesheets(distDir).map(href => `<link rel="stylesheet" href="${href}">`).join('\n')}
<style>
:root { --app-primary: #0a58ca; --app-primary-soft: #e8f0fe; --app-bg: #f3f4f6; --app-card: #fff; --app-text: #1f2329; --app-text-2: #4a505b; --app-target: 44px; --app-radius: 12px; --fs-sm: 0.8125rem; --fs-s: 0.875rem; }
body { margin: 0; background: var(--app-bg); color: var(--app-text); font-family: system-ui, 'Noto Sans CJK SC', sans-serif; line-height: 1.5; }
main { padding: 8px 12px; }
${css}
</style>
</head>
<body>
<main>${main}</main>${script}
</body>
</html>
`
}

/** The first card of the bench deck as plain HTML. */
export function staticCardPage(first: PointRow, distDir: string): string {
  return page('要点卡片（静态基准）', distDir, cardHtml(first, 100000, escapeHtml))
}

/**
 * Opens the app's IndexedDB (whatever version it is at), reads the theme deck's ids and its first point in one
 * read-only transaction, and draws the card: what the deck route must do at least.
 */
export function idbCardPage(themeId: string, distDir: string): string {
  const script = `
<script>
const escapeHtml = ${escapeHtml.toString()};
const cardHtml = ${cardHtml.toString()};
window.onerror = (m) => { document.title = 'error: ' + m; };
const open = indexedDB.open(${JSON.stringify(DB_NAME)});
open.onerror = () => { document.title = 'error: ' + open.error; };
open.onsuccess = () => {
  const tx = open.result.transaction(['deckIndex', 'points'], 'readonly');
  tx.objectStore('deckIndex').get(${JSON.stringify(themeDeckKey(themeId))}).onsuccess = (e) => {
    const ids = e.target.result.ids;
    tx.objectStore('points').get(ids[0]).onsuccess = (f) => {
      document.querySelector('main').innerHTML = cardHtml(f.target.result, ids.length, escapeHtml);
    };
  };
};
</script>`
  return page('要点卡片（IndexedDB 基准）', distDir, '', script)
}
