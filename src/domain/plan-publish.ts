import { z } from './zod'

/**
 * The answer of `PUT /api/admin/plans` (a PlanData, or one Plan): published plans of the same id are replaced,
 * others kept; it names the new data version and which ids were added or replaced. Apart from admin-api.ts so the
 * sync client (also in the service worker) does not carry the password policy.
 */
export const PublishPlansResponseSchema = z.object({
  version: z.string(),
  etag: z.string(),
  added: z.array(z.string()),
  replaced: z.array(z.string()),
})

export type PublishPlansResponse = z.infer<typeof PublishPlansResponseSchema>
