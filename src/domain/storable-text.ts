import type { z } from 'zod'

/**
 * Text that PostgreSQL can store as it was written. PostgreSQL `text` and `jsonb` hold no NUL (U+0000), and a
 * lone UTF-16 surrogate has no UTF-8 form (drivers silently turn it into U+FFFD, so a replay would no longer
 * match). Shared by the 打卡 sheet, the sync client and the server, so all three refuse the same strings. zod only in
 * types here: the client imports this module without pulling zod into its bundles.
 */

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g')

/** Marks the zod issues raised for unstorable text, so the server can refuse one mutation instead of the request. */
export const UNSTORABLE_TEXT_PARAM = 'unstorableText'

export const UNSTORABLE_TEXT_MESSAGE = 'contains a NUL character or a lone UTF-16 surrogate, which cannot be stored'

/** True when `text` holds no NUL and no lone surrogate. */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text)
}

/** `text` without its NUL characters and lone surrogates (what the 打卡 sheet offers to save instead). */
export function withoutUnstorable(text: string): string {
  return text.replace(UNSTORABLE_ALL, '')
}

/** How many unstorable characters `text` holds. */
export function countUnstorable(text: string): number {
  return text.match(UNSTORABLE_ALL)?.length ?? 0
}

/** A string schema that also refuses unstorable text, with an issue the server recognises. */
export function storableText(schema: z.ZodString) {
  return schema.refine(isStorableText, { message: UNSTORABLE_TEXT_MESSAGE, params: { [UNSTORABLE_TEXT_PARAM]: true } })
}

/** True when every issue of a failed parse is about unstorable text (and nothing else is wrong). */
export function onlyUnstorableText(error: z.ZodError): boolean {
  return error.issues.length > 0 && error.issues.every(issue => issue.code === 'custom' && (issue.params as Record<string, unknown> | undefined)?.[UNSTORABLE_TEXT_PARAM] === true)
}
