import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildPlanDataFromDir } from '../../../scripts/seed-plan-data'
import { seedsDir } from './seed-helpers'

function copySeeds(): string {
  const dir = mkdtempSync(join(tmpdir(), 'seeds-'))
  for (const name of readdirSync(seedsDir).filter(n => n.endsWith('.txt')))
    copyFileSync(join(seedsDir, name), join(dir, name))
  return dir
}

describe('build-time plan data', () => {
  it('turns seeds/ into versioned plan data; the version follows the content', async () => {
    const dir = copySeeds()
    const first = (await buildPlanDataFromDir(dir)).data
    expect(first.plans).toHaveLength(8)
    expect(first.version).toMatch(/^[0-9a-f]{14}$/)
    expect((await buildPlanDataFromDir(dir)).data.version).toBe(first.version)

    writeFileSync(join(dir, '005_new.txt'), '某县2024年政务公开工作要点\n一、深化公开\n（一）加强公开。年底前完成。（县政务局牵头）\n')
    const second = (await buildPlanDataFromDir(dir)).data
    expect(second.plans).toHaveLength(9)
    expect(second.version).not.toBe(first.version)
  })

  it('ignores files that are not .txt documents', async () => {
    const dir = copySeeds()
    writeFileSync(join(dir, 'README.md'), '# not a plan')
    expect((await buildPlanDataFromDir(dir)).data.plans).toHaveLength(8)
  })
})
