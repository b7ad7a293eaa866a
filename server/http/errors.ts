import type { z } from 'zod'

/** An error the client caused or must know about; answered as `{ error: message, ...extra }` with `status`. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503,
    message: string,
    readonly headers: Record<string, string> = {},
    /** More fields of the answer, e.g. `{ checkins: 12 }`. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message)
  }
}

/**
 * Headers for an answer given before the request body was read to its end. The rest
 * of the body is still on the wire, so the connection cannot carry another request:
 * a client that reused it would meet a reset instead of its next answer.
 */
export const UNREAD_BODY_HEADERS: Readonly<Record<string, string>> = { Connection: 'close' }

/** A short message naming the offending fields, e.g. `mutations.3.checkin.progress: Too big…`; `prefix` goes before each path. */
export function describeZodError(error: z.ZodError, what = 'body', prefix: readonly PropertyKey[] = []): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const path = [...prefix, ...issue.path].map(String).join('.')
    return path ? `${path}: ${issue.message}` : issue.message
  })
  const more = error.issues.length > 3 ? ` (+${error.issues.length - 3} more)` : ''
  return `invalid ${what}: ${parts.join('; ')}${more}`
}

/** Parses `value` with `schema` or throws a 400 naming the fields. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, what = 'body'): z.output<S> {
  const result = schema.safeParse(value)
  if (!result.success)
    throw new HttpError(400, describeZodError(result.error, what))
  return result.data
}
