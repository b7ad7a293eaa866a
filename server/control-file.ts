import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from '../src/domain/zod'

/**
 * The control file a PGlite server writes into its data directory while it runs: how `npm run user` reaches it
 * (the directory is the server's alone, so the command cannot open it). Readable by the owner only; the token
 * grants admin rights, and the server accepts it from loopback addresses only.
 */
export const CONTROL_FILE = 'control.json'

const ControlSchema = z.object({
  pid: z.number().int().positive(),
  port: z.number().int().min(1).max(65535),
  /** The address the server listens on, so the command knows which loopback address reaches it. */
  host: z.string(),
  token: z.string().regex(/^[\w-]{20,200}$/),
})

export type Control = z.infer<typeof ControlSchema>

/** Writes the control file (mode 0600, replaced atomically); returns its removal. */
export function writeControlFile(dataDir: string, control: Control): () => void {
  const path = join(dataDir, CONTROL_FILE)
  const partial = `${path}.${process.pid}`
  rmSync(partial, { force: true })
  writeFileSync(partial, JSON.stringify(control), { mode: 0o600, flag: 'w' })
  renameSync(partial, path)
  return () => {
    // Only our own: a later server on the same directory may have written its file already.
    if (readControlFile(dataDir)?.pid === control.pid)
      rmSync(path, { force: true })
  }
}

/** The control file of `dataDir`, or undefined when there is none (or it is not one). */
export function readControlFile(dataDir: string): Control | undefined {
  try {
    return ControlSchema.parse(JSON.parse(readFileSync(join(dataDir, CONTROL_FILE), 'utf8')))
  }
  catch {
    return undefined
  }
}
