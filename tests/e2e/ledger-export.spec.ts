import type { Browser, Download, Page } from 'playwright-core'
import { readFileSync } from 'node:fs'
import * as XLSX from '@e965/xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, normalizeText, PHONE, waitForHomeData, waitForServiceWorker } from './support/browser'
import { BASE_URL, e2ePort } from './support/env'
import { cameraJpeg } from './support/photo-fixtures'
import { readIdb } from './support/sync-server'

// 我的 → 导出工作台账: a plan's XLSX with a check-in and its two photos, read back with the same library; then offline,
// the whole ledger as CSV and as XLSX (the library cached when the page first opened online), in 长辈模式 at 390 px.

const PLAN_ID = 'hunan-2023-zwgk'
const POINT_ID = `${PLAN_ID}-1`
const HEADER = ['计划', '层级', '年度', '部分', '序号', '要点', '牵头单位', '配合单位', '时限', '目标', '主题', '最新状态', '进度', '打卡人', '打卡时间', '说明', '佐证数']
void e2ePort(31) // this spec's port (it needs no server of its own)

interface IdbPoint { id: string, planId: string, title: string, order: number }
interface IdbPlan { id: string, title: string }

/** Today as YYYYMMDD on the phone's calendar (its time zone, not the test runner's). */
function today(page: Page): Promise<string> {
  return page.evaluate(() => {
    const d = new Date()
    return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`
  })
}

async function download(page: Page): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-download').click()])
  return file
}

async function readXlsx(file: Download): Promise<{ rows: unknown[][], ws: XLSX.WorkSheet, sheetXml: string }> {
  const bytes = new Uint8Array(readFileSync((await file.path())!))
  const wb = XLSX.read(bytes, { type: 'array', cellDates: true })
  const ws = wb.Sheets['工作台账']!
  const zip = XLSX.CFB.read(bytes, { type: 'array' })
  const sheetXml = new TextDecoder().decode(Uint8Array.from(XLSX.CFB.find(zip, '/xl/worksheets/sheet1.xml').content as ArrayLike<number>))
  return { rows: XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null }), ws, sheetXml }
}

async function rowsShown(page: Page): Promise<number> {
  return Number(normalizeText(await page.getByTestId('ledger-rows').textContent()))
}

describe('工作台账 export', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('exports a plan as XLSX with its check-in and photos, then everything offline as CSV and XLSX in 长辈模式', async () => {
    const context = await browser.newContext({ ...PHONE, acceptDownloads: true })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', e => errors.push(String(e)))
    await page.goto(BASE_URL)
    await waitForServiceWorker(page)
    await waitForHomeData(page)
    await expect.poll(() => readIdb(page, 'plans').then(r => r.length), { timeout: 30_000 }).toBeGreaterThanOrEqual(8)

    // A check-in with two photos on the plan's first point.
    await page.goto(`${BASE_URL}/deck?kind=plan&id=${PLAN_ID}&at=${POINT_ID}`)
    const card = page.locator(`.deck__slot[data-current="true"] article[data-point="${POINT_ID}"]`)
    await card.getByTestId('checkin-open').click()
    const form = page.getByTestId('checkin-form')
    await form.waitFor()
    const photos = [await cameraJpeg(page, 1), await cameraJpeg(page, 2)]
    await form.getByTestId('photo-gallery').setInputFiles(photos.map((buffer, i) => ({ name: `IMG_${i}.jpg`, mimeType: 'image/jpeg', buffer })))
    await expect.poll(() => form.getByTestId('photo-thumb').count(), { timeout: 60_000 }).toBe(2)
    await form.locator('[data-status="done"]').click()
    await form.locator('textarea').fill('材料已报送，详见"附件"')
    await expect.poll(() => form.getByTestId('checkin-save').isEnabled(), { timeout: 30_000 }).toBe(true)
    await form.getByTestId('checkin-save').click()
    await form.waitFor({ state: 'detached' })

    const [points, plans] = await Promise.all([readIdb<IdbPoint>(page, 'points'), readIdb<IdbPlan>(page, 'plans')])
    const planPoints = points.filter(p => p.planId === PLAN_ID).sort((a, b) => a.order - b.order)
    const planTitle = plans.find(p => p.id === PLAN_ID)!.title

    // 我的 → 工作台账 → the export page.
    await page.goto(`${BASE_URL}/me`)
    await page.getByRole('link', { name: /导出工作台账/ }).click()
    await page.waitForURL(/\/ledger$/)
    await page.getByTestId('ledger-summary').waitFor()
    expect(await rowsShown(page)).toBe(points.length)

    // 我的单位 before a unit is picked: said in words, nothing to download.
    await page.locator('[data-testid="ledger-scope"] [data-value="unit"]').click()
    expect(normalizeText(await page.getByTestId('ledger-blocked').textContent())).toContain('尚未设置“我的单位”')
    expect(await page.getByTestId('ledger-download').isDisabled()).toBe(true)

    // One plan, as XLSX.
    await page.locator('[data-testid="ledger-scope"] [data-value="plan"]').click()
    await page.getByTestId('ledger-plan').selectOption(PLAN_ID)
    expect(await rowsShown(page)).toBe(planPoints.length)
    const xlsxFile = await download(page)
    expect(xlsxFile.suggestedFilename()).toBe(`工作台账-${planTitle.replace(/\s+/g, '')}-${await today(page)}.xlsx`)
    const plan = await readXlsx(xlsxFile)
    expect(plan.rows[0]).toEqual(HEADER)
    expect(plan.rows).toHaveLength(planPoints.length + 1)
    expect(plan.rows.slice(1).map(r => r[5])).toEqual(planPoints.map(p => p.title))
    const mine = plan.rows.find(r => r[5] === planPoints.find(p => p.id === POINT_ID)!.title)!
    expect(mine[0]).toBe(planTitle)
    expect(mine.slice(11, 14)).toEqual(['已完成', 1, '本机'])
    expect(mine[14]).toBeInstanceOf(Date)
    expect(Math.abs((mine[14] as Date).getTime() - Date.now())).toBeLessThan(36 * 3600_000)
    expect(mine.slice(15)).toEqual(['材料已报送，详见"附件"', 2])
    expect(plan.sheetXml).toContain('state="frozen"')
    expect(normalizeText(await page.getByTestId('ledger-message').textContent())).toContain(`已导出 ${planPoints.length} 条要点`)

    // 我的单位 picked through the page's own link, then exported: exactly the points /list shows for that unit.
    await page.locator('[data-testid="ledger-scope"] [data-value="unit"]').click()
    await page.getByRole('link', { name: '去选择我的单位' }).click()
    await page.waitForURL(/\/list\?kind=unit/)
    await page.getByTestId('unit-input').fill('长沙市行政')
    await page.locator('.unit-picker__option[data-unit="长沙市行政审批服务局"]').click()
    await page.waitForURL(/unit=/)
    await expect.poll(() => page.getByTestId('list-count').textContent().then(normalizeText), { timeout: 10_000 }).toMatch(/共 [1-9]\d* 条/)
    const unitCount = Number(/\d+/.exec(normalizeText(await page.getByTestId('list-count').textContent()))![0])
    await page.goto(`${BASE_URL}/ledger`)
    await page.getByTestId('ledger-summary').waitFor()
    await page.locator('[data-testid="ledger-scope"] [data-value="unit"]').click()
    expect(await rowsShown(page)).toBe(unitCount)
    const unitFile = await download(page)
    expect(unitFile.suggestedFilename()).toBe(`工作台账-我的单位-${await today(page)}.xlsx`)
    const unitRows = (await readXlsx(unitFile)).rows
    expect(unitRows).toHaveLength(unitCount + 1)
    expect(unitRows.slice(1).every(r => String(r[0]).startsWith('长沙市'))).toBe(true)
    await page.locator('[data-testid="ledger-scope"] [data-value="all"]').click()

    // Offline, in 长辈模式: the page reloads from the service worker and exports the whole ledger, CSV then XLSX.
    await page.evaluate(() => localStorage.setItem('ydt:elder-mode', 'true'))
    await context.setOffline(true)
    await page.reload()
    await page.getByTestId('ledger-summary').waitFor()
    expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.locator('[data-testid="ledger-format"] [data-value="csv"]').click()
    const csvFile = await download(page)
    expect(csvFile.suggestedFilename()).toBe(`工作台账-全部-${await today(page)}.csv`)
    const csv = readFileSync((await csvFile.path())!, 'utf8')
    expect(csv.startsWith(`\uFEFF${HEADER.join(',')}\r\n`)).toBe(true)
    expect(csv.split('\r\n')).toHaveLength(points.length + 2)
    expect(csv).toContain('"材料已报送，详见""附件"""')

    await page.locator('[data-testid="ledger-format"] [data-value="xlsx"]').click()
    const all = await readXlsx(await download(page))
    expect(all.rows).toHaveLength(points.length + 1)
    expect(all.rows.filter(r => r[11] === '已完成')).toHaveLength(1)
    expect(errors).toEqual([])
    await context.close()
  }, 240_000)
})
