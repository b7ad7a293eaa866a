import type { Mutation } from '../../src/domain/progress'
import type { LoginResponse, PullResponse, PushResponse } from '../../src/domain/sync-api'
import type { AppOptions } from '../app'
import type { User } from '../storage/users'
import type { Store } from '../store/store'
import type { StoreFactory } from './stores'
import pino from 'pino'
import { createApp } from '../app'
import { ensurePlanData } from '../storage/plans'
import { addUser } from '../storage/users'
import { migrate } from '../store/migrate'
import { PLAN_DATA } from './fixtures'

export const PASSWORD = 'correct horse 1'

/** A migrated store with the fixture plan data and an app over it (with `options`), called through app.request(). */
export async function createHarness(factory: StoreFactory, options: Partial<Omit<AppOptions, 'store'>> = {}) {
  const store: Store = await factory.open()
  await migrate(store)
  await ensurePlanData(store, () => PLAN_DATA)
  const app = createApp({ logger: pino({ level: 'silent' }), ...options, store })

  const request = (path: string, init: RequestInit & { token?: string, json?: unknown } = {}) => {
    const headers = new Headers(init.headers)
    if (init.token)
      headers.set('Authorization', `Bearer ${init.token}`)
    let body = init.body
    if (init.json !== undefined) {
      headers.set('Content-Type', 'application/json')
      body = JSON.stringify(init.json)
    }
    return app.request(path, { ...init, headers, body })
  }

  async function addAndLogin(name: string, unit: string, admin = false): Promise<{ user: User, token: string }> {
    const user = await addUser(store, { name, unit, admin, password: PASSWORD })
    const res = await request('/api/auth/login', { method: 'POST', json: { name, password: PASSWORD } })
    if (res.status !== 200)
      throw new Error(`login of ${name} failed: ${res.status} ${await res.text()}`)
    const { token } = await res.json() as LoginResponse
    return { user, token }
  }

  async function push(token: string, mutations: Mutation[]): Promise<PushResponse> {
    const res = await request('/api/sync/push', { method: 'POST', token, json: { mutations } })
    if (res.status !== 200)
      throw new Error(`push failed: ${res.status} ${await res.text()}`)
    return await res.json() as PushResponse
  }

  async function pullAll(token: string, limit = 100): Promise<PullResponse & { pages: number }> {
    const all: PullResponse & { pages: number } = { checkins: [], favorites: [], nextCursor: '', hasMore: false, pages: 0 }
    for (;;) {
      const res = await request(`/api/sync/pull?cursor=${all.nextCursor}&limit=${limit}`, { token })
      if (res.status !== 200)
        throw new Error(`pull failed: ${res.status} ${await res.text()}`)
      const page = await res.json() as PullResponse
      all.checkins.push(...page.checkins)
      all.favorites.push(...page.favorites)
      all.nextCursor = page.nextCursor
      all.pages++
      if (!page.hasMore)
        return all
    }
  }

  return { store, app, request, addAndLogin, push, pullAll, close: () => store.close() }
}

export type Harness = Awaited<ReturnType<typeof createHarness>>
