import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { PlanDataSchema } from '../../../src/domain/plan'
import { seedsDir } from './seed-helpers'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', ...args], { cwd: root, encoding: 'utf8' })

describe('npm run ingest', () => {
  it('prints the PlanData JSON of the seeds and a summary on stderr', () => {
    const r = run(join(seedsDir, '004_ac53776ff2892311.txt'), join(seedsDir, '000_b8ce2801c06b97f2.txt'))
    expect(r.status).toBe(0)
    const data = PlanDataSchema.parse(JSON.parse(r.stdout))
    expect(data.plans.map(p => p.id)).toEqual(['hunan-2023-zwglfw', 'hunan-2023-zwgk', 'changsha-2023-zwgk'])
    expect(r.stderr).toMatch(/3 plan\(s\), 60 point\(s\)/)
  }, 30000)

  it('writes to --out and reports diagnostics on stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-'))
    const out = join(dir, 'plans.json')
    const r = run(join(seedsDir, '002_87f61c41d9116550.txt'), '--out', out)
    expect(r.status).toBe(0)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/Traditional characters to Simplified \[traditional\]/)
    expect(JSON.parse(readFileSync(out, 'utf8')).plans).toHaveLength(2)
  }, 30000)

  it('exits non-zero with one clear line when it cannot read the input', () => {
    const missing = run('/no/such/file.txt')
    expect(missing.status).toBe(1)
    expect(missing.stdout).toBe('')
    expect(missing.stderr.trim()).toBe('error: /no/such/file.txt: cannot read (no such file)')

    const dir = mkdtempSync(join(tmpdir(), 'ingest-'))
    writeFileSync(join(dir, 'empty.txt'), '')
    const empty = run(join(dir, 'empty.txt'))
    expect(empty.status).toBe(1)
    expect(empty.stderr.trim()).toBe('error: empty.txt: the file is empty [empty]')
  }, 30000)

  it('reads every supported format, merging the same plan read from several, and refuses others in one line each', () => {
    const doc = (name: string) => fileURLToPath(new URL(`./fixtures/documents/${name}`, import.meta.url))
    const r = run(doc('plan-word.docx'), doc('plan.pdf'), doc('page-gb2312.html'), doc('tasks.xlsx'), doc('tasks.xls'), doc('tasks-gbk.csv'), doc('plan-wps.docx'), doc('plan.doc'))
    expect(r.status).toBe(0)
    const data = PlanDataSchema.parse(JSON.parse(r.stdout))
    expect(data.plans.map(p => [p.title, p.sources.length])).toEqual([
      ['某某县2026年政务公开工作要点', 3],
      ['青山县2026年数据要素工作要点', 1],
      ['长桥市2026年优化营商环境重点任务分解表', 3],
    ])
    expect(r.stderr).toMatch(/^error: plan\.doc: .*\[doc-legacy\]$/m)
  }, 60000)

  it('explains its usage on a bad call', () => {
    const r = run('--bogus')
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/unknown option --bogus\nusage: npm run ingest/)
    expect(run().status).toBe(2)
  }, 30000)
})
