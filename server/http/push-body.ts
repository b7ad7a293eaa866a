import type { Mutation } from '../../src/domain/progress'
import { MutationSchema } from '../../src/domain/progress'
import { onlyUnstorableText } from '../../src/domain/storable-text'
import { PUSH_MAX_MUTATIONS } from '../../src/domain/sync-api'
import { z } from '../../src/domain/zod'
import { describeZodError, HttpError, parseOr400 } from './errors'

/** One pushed mutation: valid, or refused by itself because a text field cannot be stored (`field` names it). */
export type PushItem = { mutation: Mutation } | { id: string, field: string }

// The envelope alone: a refusal of one mutation must still be answered under that mutation's id.
const PushEnvelopeSchema = z.object({
  mutations: z.array(z.looseObject({ id: z.guid('expected a UUID') })).max(PUSH_MAX_MUTATIONS),
})

/**
 * Reads a push body in two steps. A broken envelope, or any mutation that is wrong in another way than
 * unstorable text, is a 400 for the whole request naming the field (`mutations.3.checkin.createdAt: …`).
 * A mutation whose only fault is unstorable text is refused by itself, so the rest of the batch is stored.
 */
export function parsePushBody(raw: unknown): PushItem[] {
  const { mutations } = parseOr400(PushEnvelopeSchema, raw)
  return mutations.map((input, index) => {
    const result = MutationSchema.safeParse(input)
    if (result.success)
      return { mutation: result.data }
    if (onlyUnstorableText(result.error))
      return { id: input.id, field: result.error.issues[0]!.path.map(String).join('.') }
    throw new HttpError(400, describeZodError(result.error, 'body', ['mutations', index]))
  })
}
