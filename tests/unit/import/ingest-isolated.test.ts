import type { IngestOptions, IngestResult, SourceFile } from '~/ingest/pipeline'
import { describe, expect, it } from 'vitest'
import { ingestIsolated } from '~/import/ingest-isolated'
import { ingest } from '~/ingest/pipeline'
import { bytesOf, COUNTY_PLAN_TEXT } from './plan-text'

const file = (name: string, text = '') => ({ name, bytes: bytesOf(text) })

describe('ingestIsolated', () => {
  it('reads the files together with origin local, reporting progress', async () => {
    const stages: string[] = []
    const result = await ingestIsolated([file('某某县.txt', COUNTY_PLAN_TEXT), file('空的.txt')], ingest, (_done, _total, stage) => stages.push(stage))
    expect(result.unreadable).toEqual([])
    expect(result.data.plans.map(p => [p.id, p.origin, p.sections.length])).toEqual([['moumou-2026-zwgk', 'local', 2]])
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'empty', source: '空的.txt' }))
    expect(stages).toContain('读取 某某县.txt')
  })

  it('names a file a reader chokes on, and still reads the others together', async () => {
    const calls: string[][] = []
    const choking = async (files: SourceFile[], options: IngestOptions): Promise<IngestResult> => {
      calls.push(files.map(f => f.name))
      if (files.some(f => f.name === '坏的.docx'))
        throw new Error('end of central directory not found')
      return ingest(files, options)
    }
    const result = await ingestIsolated([file('某某县.txt', COUNTY_PLAN_TEXT), file('坏的.docx')], choking)
    expect(result.unreadable).toEqual([{ name: '坏的.docx', message: 'end of central directory not found' }])
    expect(result.data.plans.map(p => p.id)).toEqual(['moumou-2026-zwgk'])
    expect(calls).toEqual([['某某县.txt', '坏的.docx'], ['某某县.txt'], ['坏的.docx'], ['某某县.txt']])
  })

  it('answers with no plans when the only file cannot be read', async () => {
    const failing = async () => {
      throw new Error('boom')
    }
    expect(await ingestIsolated([file('坏的.pdf')], failing)).toEqual({ data: { version: '', plans: [], themes: [] }, diagnostics: [], unreadable: [{ name: '坏的.pdf', message: 'boom' }] })
  })
})
