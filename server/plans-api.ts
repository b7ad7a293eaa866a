import type { Store } from './store/store'
import { Hono } from 'hono'
import { HttpError } from './http/errors'
import { sendJsonWithEtag } from './http/etag'
import { getPlanManifest, getPublishedPlan, getPublishedThemes } from './storage/published-plans'

/**
 * Plan data per plan (src/domain/plan-manifest.ts): the manifest of ids and versions, one plan, the theme list.
 * Each answer has a strong ETag (a content hash) and 304s a matching If-None-Match, so a client that refreshes
 * downloads the manifest and the plans that changed, nothing else. Mounted at /api; GET /api/plans (the whole data
 * set) stays in api.ts for older clients.
 */
export function createPlansApi(store: Store) {
  const api = new Hono()
  api.get('/plans/manifest', async (c) => {
    const manifest = await getPlanManifest(store)
    if (!manifest)
      throw new HttpError(404, 'no plan data published yet')
    return sendJsonWithEtag(c, manifest)
  })
  api.get('/plans/:id', async (c) => {
    const plan = await getPublishedPlan(store, c.req.param('id'))
    if (!plan)
      throw new HttpError(404, 'no such plan')
    return sendJsonWithEtag(c, plan)
  })
  api.get('/themes', async (c) => {
    const themes = await getPublishedThemes(store)
    if (!themes)
      throw new HttpError(404, 'no plan data published yet')
    return sendJsonWithEtag(c, themes)
  })
  return api
}
