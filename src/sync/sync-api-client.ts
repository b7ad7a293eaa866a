import type { Plan, PlanData } from '~/domain/plan'
import type { PlanManifest, PublishedThemes } from '~/domain/plan-manifest'
import type { PublishPlansResponse } from '~/domain/plan-publish'
import type { Mutation } from '~/domain/progress'
import type { LoginResponse, PullResponse, PushResponse } from '~/domain/sync-api'
import type { Guard } from '~/domain/wire-guards'
import { isLoginResponse, isPlan, isPlanData, isPlanManifest, isPublishedThemes, isPublishPlansResponse, isPullResponse, isPushResponse } from '~/domain/wire-guards'
import { AuthError, HttpError, NetworkError } from './sync-errors'

/** A conditional GET's outcome: the body and its ETag, or why there is none. */
export type Conditional<T> = { data: T, etag: string } | 'unchanged' | 'missing'

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>

/** Seconds from a Retry-After header (seconds or an HTTP date), or undefined. */
function retryAfterSeconds(header: string | null): number | undefined {
  if (!header)
    return undefined
  const seconds = /^\d+$/.test(header.trim()) ? Number(header) : Math.ceil((Date.parse(header) - Date.now()) / 1000)
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined
}

/** Talks to the sync server's /api; every answer's shape is checked (wire-guards.ts) before the app trusts it. */
export class SyncApiClient {
  constructor(private readonly fetchImpl: FetchLike = (input, init) => fetch(input, init), private readonly base = '/api') {}

  private async request<T>(path: string, guard: Guard<T>, init: RequestInit & { token?: string } = {}): Promise<T> {
    const headers = new Headers(init.headers)
    if (init.token)
      headers.set('Authorization', `Bearer ${init.token}`)
    if (init.body)
      headers.set('Content-Type', 'application/json')
    let response: Response
    try {
      response = await this.fetchImpl(`${this.base}${path}`, { ...init, headers, cache: 'no-store' })
    }
    catch (error) {
      throw new NetworkError(error instanceof Error ? error.message : String(error))
    }
    if (response.status === 401)
      throw new AuthError('sign in required')
    if (!response.ok) {
      const message = await response.json().then((b: { error?: string }) => b.error ?? response.statusText, () => response.statusText)
      throw new HttpError(response.status, message, retryAfterSeconds(response.headers.get('Retry-After')))
    }
    let body: unknown
    try {
      body = await response.json()
    }
    catch (error) {
      // A body cut off mid-way is a network failure, not a server verdict: retry it.
      throw new NetworkError(error instanceof Error ? error.message : String(error))
    }
    if (!guard(body))
      throw new HttpError(response.status, 'unexpected answer from the server')
    return body
  }

  /** POST /api/auth/login */
  login(name: string, password: string): Promise<LoginResponse> {
    return this.request('/auth/login', isLoginResponse, { method: 'POST', body: JSON.stringify({ name, password }) })
  }

  /**
   * POST /api/auth/logout. True when the server no longer accepts the token (revoked now, or already unknown);
   * false when it could not be reached, so the caller can try again later.
   */
  async logout(token: string): Promise<boolean> {
    try {
      const response = await this.fetchImpl(`${this.base}/auth/logout`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' })
      await response.body?.cancel().catch(() => undefined)
      return response.ok || response.status === 401
    }
    catch {
      return false
    }
  }

  /** GET /api/health: true when the server and its store answer (tells a server outage from a bad request). */
  async health(): Promise<boolean> {
    try {
      const response = await this.fetchImpl(`${this.base}/health`, { cache: 'no-store' })
      await response.body?.cancel().catch(() => undefined)
      return response.ok
    }
    catch {
      return false
    }
  }

  /** GET /api/plans with If-None-Match: the published plan data, or null when unchanged (304) or none (404). */
  async plans(etag: string | undefined): Promise<{ data: PlanData, etag: string } | null> {
    const answer = await this.conditionalGet('/plans', etag, isPlanData)
    return answer === 'unchanged' || answer === 'missing' ? null : answer
  }

  /** GET /api/plans/manifest: every published plan's version; 'missing' from a server without it (or no data yet). */
  planManifest(etag: string | undefined): Promise<Conditional<PlanManifest>> {
    return this.conditionalGet('/plans/manifest', etag, isPlanManifest)
  }

  /** GET /api/plans/:id: one published plan; 'missing' when it is no longer published. */
  plan(id: string, etag: string | undefined): Promise<Conditional<Plan>> {
    return this.conditionalGet(`/plans/${encodeURIComponent(id)}`, etag, isPlan)
  }

  /** GET /api/themes: the published theme list. */
  themes(etag: string | undefined): Promise<Conditional<PublishedThemes>> {
    return this.conditionalGet('/themes', etag, isPublishedThemes)
  }

  /** A GET with If-None-Match: the checked body and its ETag, 'unchanged' on 304, 'missing' on 404. */
  private async conditionalGet<T>(path: string, etag: string | undefined, guard: Guard<T>): Promise<Conditional<T>> {
    let response: Response
    try {
      response = await this.fetchImpl(`${this.base}${path}`, { headers: etag ? { 'If-None-Match': etag } : {}, cache: 'no-store' })
    }
    catch (error) {
      throw new NetworkError(error instanceof Error ? error.message : String(error))
    }
    if (response.status === 304 || response.status === 404) {
      await response.body?.cancel().catch(() => undefined)
      return response.status === 304 ? 'unchanged' : 'missing'
    }
    if (!response.ok)
      throw new HttpError(response.status, response.statusText)
    const data: unknown = await response.json().catch(() => null)
    if (!guard(data))
      throw new HttpError(response.status, `unexpected answer from the server (${path})`)
    return { data, etag: response.headers.get('ETag') ?? '' }
  }

  /** PUT /api/admin/plans (admins only): publishes one plan, replacing a published plan of the same id. */
  publishPlan(token: string, plan: Plan): Promise<PublishPlansResponse> {
    return this.request('/admin/plans', isPublishPlansResponse, { method: 'PUT', token, body: JSON.stringify(plan) })
  }

  /** POST /api/sync/push: one answer per mutation, in order. */
  push(token: string, mutations: Mutation[]): Promise<PushResponse> {
    return this.request('/sync/push', isPushResponse, { method: 'POST', token, body: JSON.stringify({ mutations }) })
  }

  /**
   * PUT /api/photos/:hash: uploads one photo of a pushed check-in. Idempotent on the hash: sending it again after a
   * lost answer stores nothing twice.
   */
  async uploadPhoto(token: string, photo: { hash: string, checkinId: string, position: number, blob: Blob }): Promise<void> {
    const query = new URLSearchParams({ checkin: photo.checkinId, position: String(photo.position) })
    const response = await this.send(`/photos/${photo.hash}?${query}`, { method: 'PUT', body: photo.blob, headers: { 'Content-Type': photo.blob.type || 'image/jpeg' } }, token)
    await response.body?.cancel().catch(() => undefined)
  }

  /** GET /api/photos/:hash: a photo the signed-in account may see (its own or a colleague's of its unit). */
  async photo(token: string, hash: string): Promise<Blob> {
    const response = await this.send(`/photos/${hash}`, {}, token)
    try {
      return await response.blob()
    }
    catch (error) {
      throw new NetworkError(error instanceof Error ? error.message : String(error))
    }
  }

  /** A request whose non-2xx answers throw (AuthError, HttpError with the server's words) and network failures too. */
  private async send(path: string, init: RequestInit, token: string): Promise<Response> {
    const headers = new Headers(init.headers)
    headers.set('Authorization', `Bearer ${token}`)
    let response: Response
    try {
      response = await this.fetchImpl(`${this.base}${path}`, { ...init, headers, cache: 'no-store' })
    }
    catch (error) {
      throw new NetworkError(error instanceof Error ? error.message : String(error))
    }
    if (response.status === 401)
      throw new AuthError('sign in required')
    if (!response.ok) {
      const body = await response.json().catch(() => ({})) as { error?: string, code?: string }
      throw new HttpError(response.status, body.error ?? response.statusText, retryAfterSeconds(response.headers.get('Retry-After')), body.code)
    }
    return response
  }

  /** GET /api/sync/pull: what changed since `cursor`. */
  pull(token: string, cursor: string | undefined, limit = 500): Promise<PullResponse> {
    const query = new URLSearchParams({ limit: String(limit) })
    if (cursor)
      query.set('cursor', cursor)
    return this.request(`/sync/pull?${query}`, isPullResponse, { token })
  }
}
