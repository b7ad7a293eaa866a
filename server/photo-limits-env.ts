import type { PhotoLimits } from './photos-api'

/**
 * PHOTO_QUOTA_MB (per user) and PHOTO_MAX_KB (per photo) from the environment; unset keeps the defaults of
 * src/domain/photo-rules.ts. A value that is not a positive whole number stops the start with a message naming it,
 * rather than running with a limit nobody chose.
 */
export function photoLimitsFromEnv(env: Record<string, string | undefined>): { limits: Partial<PhotoLimits> } | { error: string } {
  const limits: Partial<PhotoLimits> = {}
  for (const [name, key, unit] of [['PHOTO_QUOTA_MB', 'quotaBytes', 1024 * 1024], ['PHOTO_MAX_KB', 'maxBytes', 1024]] as const) {
    const raw = env[name]?.trim()
    if (raw === undefined || raw === '')
      continue
    const n = Number(raw)
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n * unit) || n <= 0)
      return { error: `${name} must be a positive whole number (got "${raw}")` }
    limits[key] = n * unit
  }
  return { limits }
}
