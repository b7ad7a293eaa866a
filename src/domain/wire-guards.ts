import type { Deadline, PinyinBlock, Plan, PlanData, Relation, Section, Target, Theme, WorkPoint } from './plan'
import type { PlanManifest, PlanManifestEntry, PublishedThemes } from './plan-manifest'
import type { PublishPlansResponse } from './plan-publish'
import type { Favorite } from './progress'
import type { LoginResponse, MutationResult, PulledCheckin, PullResponse, PushResponse, SessionUser } from './sync-api'
import { PLAN_LEVELS, PLAN_ORIGINS, RELATION_KINDS } from './plan-values'
import { CHECKIN_STATUSES } from './progress-rules'

/**
 * Cheap structural checks of what the client receives (plan data, /api/plans, the sync API's answers), instead of
 * the zod schemas: zod would cost the first load and the service worker ~60 KB. The build and the server validate
 * with the schemas; the client checks that every field is there with the right JSON type (and closed value sets
 * hold a known value), not the finer rules (patterns, lengths), which only the server's own data reaches here.
 * Each shape lists every key of its zod-inferred type (the compiler refuses a missing or unknown key), and a unit
 * test checks each guard against its schema, so the two cannot drift.
 */

export type Guard<T> = (value: unknown) => value is T
type Check = (value: unknown) => boolean

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isString: Check = value => typeof value === 'string'
const isNumber: Check = value => typeof value === 'number' && Number.isFinite(value)
const isBoolean: Check = value => typeof value === 'boolean'
const optional = (check: Check): Check => value => value === undefined || check(value)
const nullable = (check: Check): Check => value => value === null || check(value)
const oneOf = (values: readonly unknown[]): Check => value => values.includes(value)
function arrayOf(check: Check): Check {
  return (value) => {
    if (!Array.isArray(value))
      return false
    for (let i = 0; i < value.length; i++) {
      if (!check(value[i]))
        return false
    }
    return true
  }
}
const literal = (expected: string): Check => value => value === expected

/** An object with every key of T checked; extra keys are let through (a newer server may add fields). */
function shape<T>(fields: { [K in keyof T]-?: Check }): Guard<T> {
  const keys = Object.keys(fields)
  const checks = Object.values(fields) as Check[]
  // Plain loops: plan data can hold 100,000 points, checked on a slow phone.
  return (value: unknown): value is T => {
    if (!isRecord(value))
      return false
    for (let i = 0; i < keys.length; i++) {
      if (!checks[i]!(value[keys[i]!]))
        return false
    }
    return true
  }
}

const isDeadline = shape<Deadline>({ text: isString, date: isString })
const isTarget = shape<Target>({ text: isString, value: isNumber, unit: isString })
const isRelation = shape<Relation>({ pointId: isString, kind: oneOf(RELATION_KINDS), score: isNumber })
const isStrings = arrayOf(isString)

const isWorkPoint = shape<WorkPoint>({
  id: isString,
  no: isNumber,
  title: isString,
  body: isString,
  leadUnits: isStrings,
  partnerUnits: isStrings,
  responsibility: isString,
  deadlines: arrayOf(isDeadline),
  targets: arrayOf(isTarget),
  themes: isStrings,
  related: arrayOf(isRelation),
  group: optional(isString),
})

// Search decodes a plan's block row by row, one row per point (the schema's refinement, kept here: it is cheap).
const isPinyinBlock = shape<PinyinBlock>({ table: isString, rows: isStrings })
const pinyinFits = (block: PinyinBlock | undefined, rows: number) => block === undefined || block.rows.length === rows

const isSection = shape<Section>({ no: isNumber, title: isString, points: arrayOf(isWorkPoint) })

const isPlanShape = shape<Plan>({
  id: isString,
  title: isString,
  region: isString,
  level: oneOf(PLAN_LEVELS),
  year: nullable(isNumber),
  docNo: optional(isString),
  issuedOn: optional(isString),
  sources: isStrings,
  sections: arrayOf(isSection),
  origin: optional(oneOf(PLAN_ORIGINS)),
  series: optional(isString),
  pinyin: optional(isPinyinBlock),
})

export const isPlan: Guard<Plan> = (value): value is Plan =>
  isPlanShape(value) && pinyinFits(value.pinyin, value.sections.reduce((n, s) => n + s.points.length, 0))

const isThemeShape = shape<Theme>({ id: isString, name: isString, icon: isString, keywords: isStrings, pinyin: optional(isPinyinBlock) })
const isTheme: Guard<Theme> = (value): value is Theme => isThemeShape(value) && pinyinFits(value.pinyin, 1)

/** The build's plan data asset, and the published plan data of GET /api/plans. */
export const isPlanData = shape<PlanData>({ version: isString, plans: arrayOf(isPlan), themes: arrayOf(isTheme) })

const isManifestEntry = shape<PlanManifestEntry>({ id: isString, version: isString })

/** GET /api/plans/manifest */
export const isPlanManifest = shape<PlanManifest>({ dataVersion: isString, themesVersion: isString, plans: arrayOf(isManifestEntry) })

/** GET /api/themes */
export const isPublishedThemes = shape<PublishedThemes>({ themes: arrayOf(isTheme) })

const isSessionUser = shape<SessionUser>({ name: isString, unit: isString, admin: isBoolean })

/** POST /api/auth/login */
export const isLoginResponse = shape<LoginResponse>({ token: isString, expiresAt: isString, user: isSessionUser })

const isAccepted = shape<Extract<MutationResult, { status: 'accepted' }>>({ id: isString, status: literal('accepted') })
const isRejected = shape<Extract<MutationResult, { status: 'rejected' }>>({ id: isString, status: literal('rejected'), reason: isString, field: optional(isString) })

/** POST /api/sync/push */
export const isPushResponse = shape<PushResponse>({ results: arrayOf(value => isAccepted(value) || isRejected(value)) })

const isPulledCheckin = shape<PulledCheckin>({
  id: isString,
  pointId: isString,
  status: oneOf(CHECKIN_STATUSES),
  progress: isNumber,
  note: isString,
  createdAt: isString,
  deviceId: isString,
  author: isString,
  mine: isBoolean,
  photos: optional(isStrings),
})

const isFavorite = shape<Favorite>({ pointId: isString, on: isBoolean, updatedAt: isString, deviceId: isString })

/** GET /api/sync/pull */
export const isPullResponse = shape<PullResponse>({ checkins: arrayOf(isPulledCheckin), favorites: arrayOf(isFavorite), nextCursor: isString, hasMore: isBoolean })

/** PUT /api/admin/plans */
export const isPublishPlansResponse = shape<PublishPlansResponse>({ version: isString, etag: isString, added: isStrings, replaced: isStrings })
