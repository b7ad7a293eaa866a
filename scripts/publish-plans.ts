import type { PlanData } from '../src/domain/plan'
import { PlanDataSchema } from '../src/domain/plan'
import { LoginResponseSchema } from '../src/domain/sync-api'
import { relatePlans } from '../src/ingest/relate'

export interface PublishOptions {
  server: string
  name: string
  password: string
  fetchImpl?: typeof fetch
}

export interface PublishResult { version: string, added: string[], replaced: string[] }

async function call(fetchImpl: typeof fetch, url: string, init: RequestInit): Promise<unknown> {
  let response: Response
  try {
    response = await fetchImpl(url, init)
  }
  catch (error) {
    throw new Error(`cannot reach ${url}: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`)
  }
  const body = await response.json().catch(() => ({})) as { error?: string }
  if (!response.ok)
    throw new Error(`${url} answered ${response.status}: ${body.error ?? response.statusText}`)
  return body
}

/**
 * Publishes freshly ingested plans to a running installation (PUT /api/admin/plans as an admin). The new plans are
 * related to the plans already published first, so a new city plan links to its provincial parents.
 */
export async function publishPlanData(data: PlanData, options: PublishOptions): Promise<PublishResult> {
  const fetchImpl = options.fetchImpl ?? fetch
  const base = options.server.replace(/\/$/, '')
  const login = LoginResponseSchema.parse(await call(fetchImpl, `${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: options.name, password: options.password }),
  }))
  const auth = { Authorization: `Bearer ${login.token}` }
  try {
    const current = await fetchImpl(`${base}/api/plans`, { headers: auth })
    // 404: nothing published yet on this installation.
    const published = current.status === 404 ? { plans: [] } : PlanDataSchema.parse(await current.json())
    const incoming = new Set(data.plans.map(p => p.id))
    const related = relatePlans([...published.plans.filter(p => !incoming.has(p.id)), ...data.plans]).filter(p => incoming.has(p.id))
    const result = await call(fetchImpl, `${base}/api/admin/plans`, {
      method: 'PUT',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...data, plans: related }),
    }) as PublishResult
    return result
  }
  finally {
    await fetchImpl(`${base}/api/auth/logout`, { method: 'POST', headers: auth }).catch(() => undefined)
  }
}
