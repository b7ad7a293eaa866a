import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { pgliteTemplate } from '../test/stores'
import { openPgliteStore } from './pglite'

describe('pGlite store on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ydt-pglite-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('keeps data across reopen and refuses a second opener while open', async () => {
    const dataDir = join(dir, 'db')
    const first = await openPgliteStore(dataDir, { template: await pgliteTemplate() })
    await first.exec('create table kept (v text); insert into kept values (\'打卡\')')
    await expect(openPgliteStore(dataDir)).rejects.toThrow(/in use by process \d+/)
    await first.close()
    expect(existsSync(`${dataDir}.lock`)).toBe(false)
    const again = await openPgliteStore(dataDir)
    expect(await again.query('select v from kept')).toEqual([{ v: '打卡' }])
    await again.close()
  }, 60_000)

  it('takes over a lock left by a process that is gone', async () => {
    const dataDir = join(dir, 'stale')
    // Far above any real pid limit, so no process has it.
    writeFileSync(`${dataDir}.lock`, '999999999')
    const store = await openPgliteStore(dataDir, { template: await pgliteTemplate() })
    await store.close()
  }, 60_000)
})
