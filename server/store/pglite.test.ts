import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { pgliteTemplate } from '../test/stores'
import { LOCK_FILE } from './dir-lock'
import { openPgliteStore } from './pglite'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

describe('pGlite store on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ydt-pglite-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('keeps data across reopen and refuses a second opener while open, however the path is written', async () => {
    const dataDir = join(dir, 'db')
    const first = await openPgliteStore(dataDir, { template: await pgliteTemplate() })
    await first.exec('create table kept (v text); insert into kept values (\'打卡\')')
    // The lock lives inside the directory, next to PGlite's own files.
    expect(readdirSync(dataDir)).toContain(LOCK_FILE)
    expect(existsSync(`${dataDir}.lock`)).toBe(false)
    symlinkSync(dataDir, join(dir, 'link'))
    mkdirSync(join(dir, 'sub'))
    for (const alias of [dataDir, `${dataDir}/`, `${dir}/./db`, `${dir}/sub/../db`, join(dir, 'link'), `${join(dir, 'link')}/`])
      await expect(openPgliteStore(alias), alias).rejects.toThrow(`in use by process ${process.pid}`)
    await first.close()
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false)
    const again = await openPgliteStore(join(dir, 'link'))
    expect(await again.query('select v from kept')).toEqual([{ v: '打卡' }])
    await again.close()
  }, 60_000)

  it('initialises a directory that holds only a lock left by a process that is gone', async () => {
    const dataDir = join(dir, 'stale')
    mkdirSync(dataDir)
    // Far above any real pid limit, so no process has it.
    writeFileSync(join(dataDir, LOCK_FILE), '999999999')
    const store = await openPgliteStore(dataDir)
    expect(await store.query('select 1 as one')).toEqual([{ one: 1 }])
    await store.close()
    expect(readdirSync(dataDir).filter(name => name.startsWith(LOCK_FILE))).toEqual([])
  }, 60_000)

  it('lets exactly one of several starters racing over a stale lock win', async () => {
    const raceDir = join(dir, 'race')
    mkdirSync(raceDir)
    writeFileSync(join(raceDir, LOCK_FILE), '999999999')
    const racers = Array.from({ length: 3 }, () => spawn(process.execPath, ['--import', 'tsx', 'server/test/support/lock-racer.ts', raceDir], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] }))
    const outputs = racers.map(child => createInterface({ input: child.stdout! })[Symbol.asyncIterator]())
    await Promise.all(outputs.map(async lines => expect((await lines.next()).value).toBe('ready')))
    const startAt = Date.now() + 300
    for (const child of racers)
      child.stdin!.write(`go ${startAt}\n`)
    const verdicts = await Promise.all(outputs.map(async lines => (await lines.next()).value as string))
    await Promise.all(racers.map(child => new Promise(resolve => child.once('exit', resolve))))
    const winners = racers.filter((_, i) => verdicts[i] === 'won')
    expect(winners, verdicts.join(', ')).toHaveLength(1)
    expect(verdicts.filter(v => v !== 'won')).toEqual(Array.from({ length: 2 }, () => `lost ${winners[0]!.pid}`))
  }, 60_000)
})
