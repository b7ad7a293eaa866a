import { formatInstant, INSTANT_MAX_LENGTH, parseInstant } from './instant-text'
import { z } from './zod'

// The plain functions are in instant-text.ts (no zod, for the client); the server and tests import them here too.
export { formatInstant, parseInstant }

/** An ISO date-time with an offset, storable by PostgreSQL, parsed to its canonical UTC millisecond form. */
export const InstantSchema = z.string().max(INSTANT_MAX_LENGTH).transform((text, ctx) => {
  const epoch = parseInstant(text)
  if (epoch === undefined) {
    ctx.addIssue({ code: 'custom', message: 'expected an ISO date-time with offset, years 0001–9999 and an offset within ±15:59' })
    return z.NEVER
  }
  return formatInstant(epoch)
})
