import type { Worker } from 'node:cluster'
import type { Logger } from 'pino'
import cluster from 'node:cluster'

/** Lets at most `max` restarts happen in any rolling `windowMs`: a worker that dies at every start must not be forked forever. */
export function createRestartBudget(options: { max: number, windowMs: number, now?: () => number }) {
  const now = options.now ?? Date.now
  const restarts: number[] = []
  return {
    /** True (and counted) when one more restart fits in the window. */
    allow(): boolean {
      const at = now()
      while (restarts.length > 0 && restarts[0]! <= at - options.windowMs)
        restarts.shift()
      if (restarts.length >= options.max)
        return false
      restarts.push(at)
      return true
    },
  }
}

export interface PrimaryOptions {
  workers: number
  logger: Logger
  /** Restarts allowed per minute before the primary gives up (default 5 + workers). */
  maxRestartsPerMinute?: number
  /** How long workers get to finish after SIGTERM before they are killed (default 30 s). */
  stopTimeoutMs?: number
}

/**
 * The cluster primary: forks `workers` server processes (they share the listening port; the primary serves
 * nothing and holds no store), replaces one that dies unless workers keep dying, and on SIGTERM/SIGINT passes
 * SIGTERM to every worker and waits for them. Resolves with the exit code: 0 when every worker stopped cleanly.
 */
export function runPrimary(options: PrimaryOptions): Promise<number> {
  const { workers, logger } = options
  const budget = createRestartBudget({ max: options.maxRestartsPerMinute ?? 5 + workers, windowMs: 60_000 })
  const live = new Set<Worker>()
  let stopping = false
  let failed = false

  return new Promise((resolve) => {
    const settleIfDone = () => {
      if (stopping && live.size === 0)
        resolve(failed ? 1 : 0)
    }

    const stop = () => {
      if (stopping)
        return
      stopping = true
      for (const worker of live)
        worker.process.kill('SIGTERM')
      // A worker stuck past the timeout is killed, so the primary always ends.
      setTimeout(() => {
        for (const worker of live) {
          logger.error({ worker: worker.process.pid }, 'worker did not stop in time, killing it')
          worker.process.kill('SIGKILL')
        }
      }, options.stopTimeoutMs ?? 30_000).unref()
      settleIfDone()
    }

    const fork = () => {
      const worker = cluster.fork()
      live.add(worker)
      worker.once('exit', (code, signal) => {
        live.delete(worker)
        if (stopping) {
          if (code !== 0)
            failed = true
          settleIfDone()
          return
        }
        logger.error({ worker: worker.process.pid, code, signal }, 'worker died')
        if (budget.allow()) {
          fork()
          return
        }
        logger.fatal('workers keep dying, giving up')
        failed = true
        stop()
      })
    }

    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        logger.info({ signal, workers: live.size }, 'stopping workers')
        stop()
      })
    }
    for (let i = 0; i < workers; i++)
      fork()
    logger.info({ workers }, 'workers started')
  })
}
