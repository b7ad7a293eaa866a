import type { Mutation } from '../../../src/domain/progress'
import type { PullResponse, PushResponse } from '../../../src/domain/sync-api'
import type { Queryable } from '../../store/store'
import { expect } from 'vitest'
import { PASSWORD } from '../harness'
import { waitFor } from './server-process'

// A client of a server process over real HTTP (the harness calls the app in process instead).

type Init = RequestInit & { token?: string, json?: unknown }

/** A request to one server process, as a client would send it. */
export async function call(server: { url: string }, path: string, init: Init = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  if (init.token)
    headers.set('Authorization', `Bearer ${init.token}`)
  if (init.json !== undefined)
    headers.set('Content-Type', 'application/json')
  return fetch(`${server.url}${path}`, { ...init, headers, body: init.json === undefined ? init.body : JSON.stringify(init.json) })
}

export const login = (server: { url: string }, name: string, password = PASSWORD) => call(server, '/api/auth/login', { method: 'POST', json: { name, password } })

export async function token(server: { url: string }, name: string): Promise<string> {
  const res = await login(server, name)
  expect(res.status).toBe(200)
  return ((await res.json()) as { token: string }).token
}

export async function push(server: { url: string }, token: string, mutations: Mutation[]): Promise<PushResponse> {
  const res = await call(server, '/api/sync/push', { method: 'POST', token, json: { mutations } })
  expect(res.status).toBe(200)
  return await res.json() as PushResponse
}

export async function pull(server: { url: string }, token: string, cursor = ''): Promise<PullResponse> {
  const res = await call(server, `/api/sync/pull?cursor=${cursor}&limit=1000`, { token })
  expect(res.status).toBe(200)
  return await res.json() as PullResponse
}

/**
 * Waits until a connection named `applicationName` (an `application_name=` in the server's DATABASE_URL) is
 * inside a push's transaction: it then holds the unit's advisory lock, which nothing else in a server takes.
 */
export function waitForPushTransaction(store: Queryable, applicationName: string): Promise<true> {
  return waitFor(`a push transaction of ${applicationName}`, async () => (await store.query(
    `select 1 from pg_locks l join pg_stat_activity s on s.pid = l.pid
      where s.application_name = $1 and l.locktype = 'advisory' and l.granted`,
    [applicationName],
  )).length > 0, 30_000)
}
