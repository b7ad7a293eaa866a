import { ThemeSchema } from './plan'
import { z } from './zod'

/**
 * `GET /api/plans/manifest`: every published plan's id and content version, in publishing order, with the version of
 * the theme list and of the whole data set (the version `GET /api/plans` answers). A client compares it with what it
 * stores and fetches only the plans whose version differs (`GET /api/plans/:id`), and the themes when theirs does
 * (`GET /api/themes`). Versions are content hashes, so they change exactly when the content does.
 */
export const PlanManifestEntrySchema = z.object({
  id: z.string().min(1),
  version: z.string().min(1),
})

export const PlanManifestSchema = z.object({
  dataVersion: z.string().min(1),
  themesVersion: z.string().min(1),
  plans: z.array(PlanManifestEntrySchema),
})

/** `GET /api/themes`: the published theme list. */
export const PublishedThemesSchema = z.object({ themes: z.array(ThemeSchema) })

export type PlanManifestEntry = z.infer<typeof PlanManifestEntrySchema>
export type PlanManifest = z.infer<typeof PlanManifestSchema>
export type PublishedThemes = z.infer<typeof PublishedThemesSchema>
