import type { RunningServer } from '../../../server/server'
import type { Store } from '../../../server/store/store'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getPlanData } from '../../../server/storage/plans'
import { addUser } from '../../../server/storage/users'
import { migrate } from '../../../server/store/migrate'
import { listenInRange } from '../../../server/test/listen'
import { storeFactories } from '../../../server/test/stores'
import { seedsDir } from './seed-helpers'

const root = fileURLToPath(new URL('../../..', import.meta.url))

/** Runs the CLI without blocking the test's event loop, which serves the HTTP requests it makes. */
function runCli(args: string[], env: Record<string, string>): Promise<{ status: number | null, stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('close', status => resolve({ status, stderr }))
  })
}

describe('npm run ingest -- FILE --publish', () => {
  let store: Store
  let server: RunningServer
  let url: string

  beforeAll(async () => {
    store = await storeFactories[0]!.open()
    await migrate(store)
    await addUser(store, { name: 'admin', unit: '省政务局', admin: true, password: 'admin password 1' })
    await addUser(store, { name: 'clerk', unit: '长沙市', admin: false, password: 'clerk password 1' })
    server = await listenInRange(store, 8790, 8799)
    url = `http://127.0.0.1:${server.port}`
  })
  // Closing the server closes its store too.
  afterAll(() => server.close())

  it('adds the plans to a running installation, related to what was published before', async () => {
    const province = await runCli([join(seedsDir, '000_b8ce2801c06b97f2.txt'), '--publish', '--server', url], { YDT_ADMIN_NAME: 'admin', YDT_ADMIN_PASSWORD: 'admin password 1' })
    expect(province.status).toBe(0)
    expect(province.stderr).toMatch(/added hunan-2023-zwglfw, hunan-2023-zwgk; replaced none/)

    const city = await runCli([join(seedsDir, '004_ac53776ff2892311.txt'), '--publish', '--server', url], { YDT_ADMIN_NAME: 'admin', YDT_ADMIN_PASSWORD: 'admin password 1' })
    expect(city.status).toBe(0)
    const stored = JSON.parse((await getPlanData(store))!.body) as import('../../../src/domain/plan').PlanData
    expect(stored.plans.map(p => p.id).sort()).toEqual(['changsha-2023-zwgk', 'hunan-2023-zwgk', 'hunan-2023-zwglfw'])
    const first = stored.plans.find(p => p.id === 'changsha-2023-zwgk')!.sections[0]!.points[0]!
    expect(first.related).toContainEqual(expect.objectContaining({ kind: 'parent', pointId: 'hunan-2023-zwgk-1' }))

    const again = await runCli([join(seedsDir, '004_ac53776ff2892311.txt'), '--publish', '--server', url], { YDT_ADMIN_NAME: 'admin', YDT_ADMIN_PASSWORD: 'admin password 1' })
    expect(again.stderr).toMatch(/added none; replaced changsha-2023-zwgk/)
  }, 60000)

  it('refuses a non-admin and an unreachable server with one clear line', async () => {
    const clerk = await runCli([join(seedsDir, '004_ac53776ff2892311.txt'), '--publish', '--server', url], { YDT_ADMIN_NAME: 'clerk', YDT_ADMIN_PASSWORD: 'clerk password 1' })
    expect(clerk.status).toBe(1)
    expect(clerk.stderr).toMatch(/publish failed: .*403: admin only/)
    const down = await runCli([join(seedsDir, '004_ac53776ff2892311.txt'), '--publish', '--server', 'http://127.0.0.1:9'], { YDT_ADMIN_NAME: 'admin', YDT_ADMIN_PASSWORD: 'x' })
    expect(down.status).toBe(1)
    expect(down.stderr).toMatch(/publish failed: cannot reach http:\/\/127\.0\.0\.1:9/)
  }, 60000)
})
