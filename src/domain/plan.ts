import { PLAN_LEVELS, PLAN_ORIGINS, RELATION_KINDS } from './plan-values'
import { z } from './zod'

/**
 * The plan-data contract (DESIGN.md §2). The ingest pipeline produces it, the
 * server serves it and the PWA stores it; field names are read by outside tests.
 * The build and the server validate with these schemas; the client imports only their types and checks shapes
 * with wire-guards.ts, so zod stays out of its bundles.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD')

export const PlanLevelSchema = z.enum(PLAN_LEVELS)

export const PlanOriginSchema = z.enum(PLAN_ORIGINS)

export const DeadlineSchema = z.object({
  text: z.string().min(1),
  date: isoDate,
})

export const TargetSchema = z.object({
  text: z.string().min(1),
  value: z.number(),
  unit: z.string(),
})

export const RelationKindSchema = z.enum(RELATION_KINDS)

export const RelationSchema = z.object({
  pointId: z.string().min(1),
  kind: RelationKindSchema,
  score: z.number().min(0).max(1),
})

export const WorkPointSchema = z.object({
  id: z.string().min(1),
  no: z.number().int().positive(),
  title: z.string().min(1),
  body: z.string(),
  /** 牵头单位 */
  leadUnits: z.array(z.string().min(1)),
  /** Collective phrases sharing the work (省直相关单位 …). */
  partnerUnits: z.array(z.string().min(1)),
  responsibility: z.string(),
  deadlines: z.array(DeadlineSchema),
  targets: z.array(TargetSchema),
  themes: z.array(z.string().min(1)).min(1),
  related: z.array(RelationSchema),
  /** The （一） group heading in nested layouts (一、 → （一） → 1.), whose items are the points. */
  group: z.string().optional(),
})

export const SectionSchema = z.object({
  no: z.number().int().positive(),
  title: z.string(),
  points: z.array(WorkPointSchema),
})

/**
 * Word pinyin for search, computed where plan data is made (format: src/search/pinyin-data.ts), so the client
 * carries no dictionary. Optional: data from before it existed is searched by characters.
 */
export const PinyinBlockSchema = z.object({
  table: z.string().regex(/^(?:[a-z]+[^a-z]+)*$/, 'readings each followed by their characters'),
  rows: z.array(z.string().regex(/^[1-9a-z]*(?:~(?:\d+[a-z]+)+)?(?:\|[1-9a-z]*(?:~(?:\d+[a-z]+)+)?){2}$/, 'three texts of word lengths and exceptions')),
})

export const PlanSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'plan ids are lowercase slugs'),
  title: z.string().min(1),
  region: z.string(),
  level: PlanLevelSchema,
  year: z.number().int().nullable(),
  docNo: z.string().optional(),
  issuedOn: isoDate.optional(),
  sources: z.array(z.string().min(1)).min(1),
  sections: z.array(SectionSchema),
  origin: PlanOriginSchema.optional(),
  /** Region plus kind (e.g. `hunan-zwgk`): the newest year of a series is its current plan. */
  series: z.string().optional(),
  /** One row per point, in reading order across sections. */
  pinyin: PinyinBlockSchema.optional(),
}).refine(plan => !plan.pinyin || plan.pinyin.rows.length === plan.sections.reduce((n, s) => n + s.points.length, 0), { message: 'pinyin needs one row per point', path: ['pinyin', 'rows'] })

export const ThemeSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  icon: z.string().min(1),
  keywords: z.array(z.string().min(1)),
  /** One row: name, (no units), keywords. */
  pinyin: PinyinBlockSchema.optional(),
}).refine(theme => !theme.pinyin || theme.pinyin.rows.length === 1, { message: 'a theme\'s pinyin has one row', path: ['pinyin', 'rows'] })

export const PlanDataSchema = z.object({
  version: z.string().min(1),
  plans: z.array(PlanSchema),
  themes: z.array(ThemeSchema),
})

export type PlanLevel = z.infer<typeof PlanLevelSchema>
export type PlanOrigin = z.infer<typeof PlanOriginSchema>
export type Deadline = z.infer<typeof DeadlineSchema>
export type Target = z.infer<typeof TargetSchema>
export type RelationKind = z.infer<typeof RelationKindSchema>
export type Relation = z.infer<typeof RelationSchema>
export type WorkPoint = z.infer<typeof WorkPointSchema>
export type Section = z.infer<typeof SectionSchema>
export type Plan = z.infer<typeof PlanSchema>
export type Theme = z.infer<typeof ThemeSchema>
export type PinyinBlock = z.infer<typeof PinyinBlockSchema>
export type PlanData = z.infer<typeof PlanDataSchema>
