import type { Logger, LoggerOptions } from 'pino'
import pino from 'pino'
import { safeMessage, StoreError } from './store/store-error'

/**
 * What an error may put in a log: its type, a message without quoted values, codes, the statement label of a
 * StoreError and the stack's frames. Never driver fields (SQL parameters, `detail` with the failing row), never
 * anything else an error object happens to carry.
 */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error))
    return { type: typeof error }
  const out: Record<string, unknown> = { type: error instanceof StoreError ? 'StoreError' : error.constructor.name, message: safeMessage(error.message) }
  if (error instanceof StoreError) {
    out.statement = error.statement
    out.code = error.code
    out.constraint = error.constraint
  }
  else {
    const code = (error as { code?: unknown }).code
    if (typeof code === 'string' && /^[\w-]{1,40}$/.test(code))
      out.code = code
  }
  // Frames only: the first line of a stack repeats the raw message.
  const frames = error.stack?.split('\n').filter(line => /^\s+at /.test(line)).slice(0, 15)
  if (frames?.length)
    out.stack = frames.map(line => line.trim()).join('\n')
  return out
}

export const LOG_SERIALIZERS = { err: serializeError, error: serializeError }

/** The server's pino logger (JSON lines on stdout), with the safe error serializer. */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino({ ...options, serializers: { ...options.serializers, ...LOG_SERIALIZERS } })
}

/** `logger` with the safe error serializer, whoever created it (tests, benchmarks). */
export function withSafeErrors(logger: Logger): Logger {
  return logger.child({}, { serializers: LOG_SERIALIZERS })
}
