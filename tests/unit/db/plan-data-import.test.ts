import type { PlanDataReply, PlanDataRequest } from '~/db/plan-data-protocol'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { addCheckin, setFavorite } from '~/db/actions'
import { db } from '~/db/db'
import { importPlanData } from '~/db/plan-data-import'
import { getStoredDataVersion, replacePlanData } from '~/db/plan-data-loader'
import { fakeFetch, resetDb, samplePlanData } from './fixtures'

interface WorkerScope { onmessage: ((e: { data: PlanDataRequest }) => Promise<void>) | null }

/**
 * A Worker that runs the real worker entry (src/db/plan-data-worker.ts) on this thread: its onmessage and
 * postMessage are the module's globals. `load: 'fails'` is a worker whose script cannot start.
 */
function installWorker(load: 'runs' | 'fails' = 'runs') {
  const created: string[] = []
  class FakeWorker {
    onmessage: ((e: { data: PlanDataReply }) => void) | null = null
    onerror: ((e: { preventDefault: () => void }) => void) | null = null
    constructor(url: URL | string) {
      created.push(new URL(url, 'http://localhost/').pathname.split('/').at(-1)!)
    }

    postMessage(request: PlanDataRequest) {
      if (load === 'fails') {
        setTimeout(() => this.onerror?.({ preventDefault: () => undefined }))
        return
      }
      vi.stubGlobal('postMessage', (reply: PlanDataReply) => this.onmessage?.({ data: reply }))
      void (globalThis as unknown as WorkerScope).onmessage!({ data: structuredClone(request) })
    }

    terminate() {}
  }
  vi.stubGlobal('Worker', FakeWorker)
  vi.stubGlobal('close', () => undefined)
  return created
}

beforeEach(async () => {
  await resetDb()
  // The worker entry sets the global onmessage when it loads.
  await import('~/db/plan-data-worker')
})
afterEach(async () => {
  // The worker closes itself a moment after it answers.
  await new Promise(resolve => setTimeout(resolve, 250))
  vi.unstubAllGlobals()
})

describe('importPlanData', () => {
  it('downloads and stores the data in the plan-data worker, keeping favorites, check-ins and the outbox', async () => {
    await replacePlanData(samplePlanData('v1'))
    await setFavorite('hunan-2023-zwfw-1', true)
    const checkin = await addCheckin({ pointId: 'hunan-2023-zwfw-1', status: 'done', progress: 100, note: '' })
    const outbox = await db.outbox.toArray()
    const created = installWorker()
    const fetched = fakeFetch(samplePlanData('v2'))
    vi.stubGlobal('fetch', fetched)

    expect(await importPlanData({ url: '/data/plan-data.v2.json', source: 'build' })).toBe('v2')

    expect(created).toEqual(['plan-data-worker.ts'])
    expect(fetched.calls).toEqual(['/data/plan-data.v2.json'])
    expect(await getStoredDataVersion()).toBe('v2')
    expect(await db.points.count()).toBe(5)
    expect(await db.favoritesByOwner.count()).toBe(1)
    expect((await db.checkins.get(checkin.id))?.status).toBe('done')
    expect(await db.outbox.toArray()).toEqual(outbox)
  })

  it('stores data in hand (the server\'s answer) as the server\'s', async () => {
    installWorker()
    expect(await importPlanData({ data: samplePlanData('s1'), source: 'server' })).toBe('s1')
    expect((await db.meta.get('dataSource'))?.value).toBe('server')
  })

  it('answers the worker\'s refusal and keeps the old data', async () => {
    await replacePlanData(samplePlanData('v1'))
    installWorker()
    vi.stubGlobal('fetch', fakeFetch({ ...samplePlanData('v2'), plans: [{ id: 'Not A Slug' }] }))
    await expect(importPlanData({ url: '/data/x.json', source: 'build' })).rejects.toThrow(/计划数据格式不正确/)
    expect(await getStoredDataVersion()).toBe('v1')
    expect(await db.points.count()).toBe(5)
  })

  it('stores on this thread when the worker cannot start, or where there are no workers', async () => {
    installWorker('fails')
    vi.stubGlobal('fetch', fakeFetch(samplePlanData('v3')))
    expect(await importPlanData({ url: '/data/plan-data.v3.json', source: 'build' })).toBe('v3')
    expect(await db.points.count()).toBe(5)

    vi.unstubAllGlobals()
    expect(typeof Worker).toBe('undefined')
    vi.stubGlobal('fetch', fakeFetch(samplePlanData('v4')))
    expect(await importPlanData({ url: '/data/plan-data.v4.json', source: 'build' })).toBe('v4')
  })
})
