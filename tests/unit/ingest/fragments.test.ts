import { describe, expect, it } from 'vitest'
import { ingest } from '../../../src/ingest/pipeline'
import { allPoints, seedText, textFile } from './seed-helpers'

const original = seedText('004')
const baseline = allPoints((await ingest([textFile('clean.txt', original)])).data)

describe('scraped pages with repeated fragments', () => {
  it('drops the repeated header and sentences and keeps each point\'s own text', async () => {
    const lines = original.split('\n')
    const header = lines.slice(0, 8).join('')
    const repeatedSentence = baseline[0]!.body.split('。')[0]!
    // Like 003: the page header and another point's sentence pasted into the middle of points, all on one line.
    const scraped = lines.map((line) => {
      if (line.startsWith('（三）'))
        return line.replace('。', `。${header}`)
      if (line.startsWith('（七）'))
        return line.replace('。', `。${repeatedSentence}。`)
      return line
    }).join('')
    const { data, diagnostics } = await ingest([textFile('scraped.txt', scraped)])
    const points = allPoints(data)
    expect(points.map(p => p.title)).toEqual(baseline.map(p => p.title))
    expect(points.map(p => p.body)).toEqual(baseline.map(p => p.body))
    expect(diagnostics.map(d => d.code)).toContain('repeated-fragments')
  })

  it('leaves a clean document\'s repeated sentences alone', async () => {
    const { diagnostics } = await ingest([textFile('clean.txt', original)])
    expect(diagnostics.map(d => d.code)).not.toContain('repeated-fragments')
  })
})
