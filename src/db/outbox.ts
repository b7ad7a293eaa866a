import type { Mutation } from '~/domain/progress'

/** `rejected`: set apart, never sent again by itself (shown on 我的 with its reason). */
export type OutboxState = 'pending' | 'rejected'

/** A local change waiting to be pushed; its id is the mutation id (UUIDv7, so key order = creation order). */
export interface OutboxRow {
  id: string
  /** The account it was made under (only that account's token ever sends it), or 本机 (LOCAL_OWNER). */
  owner: string
  mutation: Mutation
  /** ISO date-time the change was made. */
  createdAt: string
  attempts: number
  /** Epoch milliseconds before which sync should not retry. */
  nextAttemptAt: number
  lastError?: string
  state: OutboxState
  /** Answers of 5xx for this row alone while the server was otherwise healthy: enough of them set it apart. */
  serverFailures?: number
  /** Set apart because the server could not store it (not refused for good): the user may send it again. */
  retryable?: boolean
}

/** A fresh outbox row for a mutation, ready to be sent at once. */
export function newOutboxRow(mutation: Mutation, owner: string, now: Date): OutboxRow {
  return { id: mutation.id, owner, mutation, createdAt: now.toISOString(), attempts: 0, nextAttemptAt: now.getTime(), state: 'pending' }
}
