import type { Mutation } from '~/domain/progress'

export type OutboxState = 'pending' | 'rejected'

/** A local change waiting to be pushed; its id is the mutation id (UUIDv7, so key order = creation order). */
export interface OutboxRow {
  id: string
  mutation: Mutation
  /** ISO date-time the change was made. */
  createdAt: string
  attempts: number
  /** Epoch milliseconds before which sync should not retry. */
  nextAttemptAt: number
  lastError?: string
  state: OutboxState
}

/** A fresh outbox row for a mutation, ready to be sent at once. */
export function newOutboxRow(mutation: Mutation, now: Date): OutboxRow {
  return { id: mutation.id, mutation, createdAt: now.toISOString(), attempts: 0, nextAttemptAt: now.getTime(), state: 'pending' }
}
