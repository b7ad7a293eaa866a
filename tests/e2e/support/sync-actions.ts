import type { Page } from 'playwright-core'
import { currentPointId, normalizeText } from './browser'
import { PASSWORD, readIdb } from './sync-server'

/** Signs in on 我的 through the form and waits until the account is shown. */
export async function signInOnMe(page: Page, baseUrl: string, name: string): Promise<void> {
  if (!page.url().endsWith('/me'))
    await page.getByRole('link', { name: '我的', exact: true }).click()
  await page.waitForURL(`${baseUrl}/me`)
  const form = page.getByTestId('sign-in-form')
  await form.getByTestId('sign-in-name').fill(name)
  await form.getByTestId('sign-in-password').fill(PASSWORD)
  await form.getByTestId('sign-in-submit').click()
  // Plain Playwright waits (no Vitest): scripts/screenshots.ts signs in with this too.
  await page.getByTestId('account-name').filter({ hasText: new RegExp(`^\\s*${name}\\s*$`) }).waitFor({ timeout: 20_000 })
}

/** Opens the 一件事一次办 theme deck from 首页. */
export async function openThemeDeck(page: Page, baseUrl: string): Promise<void> {
  await page.goto(baseUrl)
  await page.locator('.theme-grid__tile[data-theme="yijianshi"]').click()
  await page.locator('.deck__slot[data-current="true"] article').waitFor()
}

/** Records a check-in on the current card through the 打卡 sheet; returns the card's point id. */
export async function checkInOnCurrentCard(page: Page, note: string, status: 'in_progress' | 'done' | 'blocked' = 'in_progress'): Promise<string> {
  const pointId = await currentPointId(page)
  const card = page.locator(`.deck__slot[data-current="true"] article[data-point="${pointId}"]`)
  await card.getByTestId('checkin-open').click()
  const form = page.getByTestId('checkin-form')
  await form.waitFor()
  await form.locator(`[data-status="${status}"]`).click()
  await form.locator('textarea').fill(note)
  await form.getByTestId('checkin-save').click()
  await form.waitFor({ state: 'detached' })
  return pointId
}

/** The sync chip's words on 首页 (its icon aside). */
export async function chipText(page: Page): Promise<string> {
  return normalizeText(await page.getByTestId('sync-chip').locator('.sync-chip__text').textContent({ timeout: 1_000 }).catch(() => ''))
}

/** The chip's icon (its AppIcon name) and words read together (the state is never told by colour alone). */
export async function chipState(page: Page): Promise<{ icon: string, text: string }> {
  return page.getByTestId('sync-chip').evaluate(chip => ({
    icon: chip.querySelector('.sync-chip__mark')?.getAttribute('data-icon') ?? '',
    text: (chip.querySelector('.sync-chip__text')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
  }), undefined, { timeout: 1_000 }).catch(() => ({ icon: '', text: '' }))
}

/** The local outbox and check-ins, read straight from IndexedDB. */
export async function localSyncRows(page: Page): Promise<{ outbox: { id: string, state: string }[], checkins: { id: string, syncState: string, note: string }[] }> {
  const [outbox, checkins] = await Promise.all([
    readIdb<{ id: string, state: string }>(page, 'outbox'),
    readIdb<{ id: string, syncState: string, note: string }>(page, 'checkins'),
  ])
  return { outbox, checkins }
}
