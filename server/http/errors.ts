import type { z } from 'zod'

/** An error the client caused or must know about; answered as `{ error: message }` with `status`. */
export class HttpError extends Error {
  constructor(readonly status: 400 | 401 | 403 | 404 | 413 | 415 | 429 | 503, message: string, readonly headers: Record<string, string> = {}) {
    super(message)
  }
}

/** A short message naming the offending fields, e.g. `mutations.3.checkin.progress: Too big…`. */
export function describeZodError(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(String).join('.')
    return path ? `${path}: ${issue.message}` : issue.message
  })
  const more = error.issues.length > 3 ? ` (+${error.issues.length - 3} more)` : ''
  return `invalid body: ${parts.join('; ')}${more}`
}

/** Parses `value` with `schema` or throws a 400 naming the fields. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, what = 'body'): z.output<S> {
  const result = schema.safeParse(value)
  if (!result.success)
    throw new HttpError(400, describeZodError(result.error).replace('invalid body', `invalid ${what}`))
  return result.data
}
