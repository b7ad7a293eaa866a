/**
 * `npm run ingest -- FILE... [--out FILE]`: prints the PlanData JSON of the given documents (merged), diagnostics on
 * stderr. Exit 0 when it produced data; 1 with one clear line when no input could be read; 2 on a usage error.
 */
import type { SourceFile } from '../src/ingest/pipeline'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { createInterface } from 'node:readline/promises'
import { formatDiagnostic } from '../src/ingest/diagnostics'
import { ingest } from '../src/ingest/pipeline'
import { publishPlanData } from './publish-plans'

const USAGE = 'usage: npm run ingest -- FILE... [--out FILE] [--quiet] [--publish [--server URL]]\n'
  + '  --publish  adds or replaces the plans on a running installation (admin account from YDT_ADMIN_NAME and\n'
  + '             YDT_ADMIN_PASSWORD, or asked for); --server defaults to YDT_SERVER or http://127.0.0.1:8787'

interface Args { files: string[], out?: string, quiet: boolean, publish: boolean, server: string }

function parseArgs(argv: string[]): Args | string {
  const args: Args = { files: [], quiet: false, publish: false, server: process.env.YDT_SERVER || 'http://127.0.0.1:8787' }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--out') {
      const next = argv[++i]
      if (!next)
        return '--out needs a file name'
      args.out = next
    }
    else if (a === '--quiet') {
      args.quiet = true
    }
    else if (a === '--publish') {
      args.publish = true
    }
    else if (a === '--server') {
      const next = argv[++i]
      if (!next)
        return '--server needs a URL'
      args.server = next
    }
    else if (a === '--help' || a === '-h') {
      return USAGE
    }
    else if (a.startsWith('--')) {
      return `unknown option ${a}`
    }
    else {
      args.files.push(a)
    }
  }
  return args.files.length === 0 ? 'no input files given' : args
}

function readInputs(paths: string[]): { files: SourceFile[], errors: string[] } {
  const files: SourceFile[] = []
  const errors: string[] = []
  for (const path of paths) {
    try {
      if (statSync(path).isDirectory()) {
        errors.push(`${path}: is a directory, not a document`)
        continue
      }
      files.push({ name: basename(path), bytes: new Uint8Array(readFileSync(path)) })
    }
    catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      errors.push(`${path}: cannot read (${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code ?? String(error)})`)
    }
  }
  return { files, errors }
}

async function credentials(): Promise<{ name: string, password: string }> {
  const name = process.env.YDT_ADMIN_NAME
  const password = process.env.YDT_ADMIN_PASSWORD
  if (name && password)
    return { name, password }
  if (!process.stdin.isTTY)
    throw new Error('set YDT_ADMIN_NAME and YDT_ADMIN_PASSWORD to publish without a terminal')
  const rl = createInterface({ input: process.stdin, output: process.stderr })
  const askedName = name ?? await rl.question('admin name: ')
  const askedPassword = password ?? await rl.question('password: ')
  rl.close()
  return { name: askedName.trim(), password: askedPassword }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2))
  if (typeof args === 'string') {
    console.error(args === USAGE ? USAGE : `ingest: ${args}\n${USAGE}`)
    return args === USAGE ? 0 : 2
  }
  const { files, errors } = readInputs(args.files)
  for (const e of errors)
    console.error(`error: ${e}`)
  const { data, diagnostics } = await ingest(files)
  for (const d of diagnostics) {
    if (!args.quiet || d.level === 'error')
      console.error(formatDiagnostic(d))
  }
  if (data.plans.length === 0) {
    // Each unreadable file already said why in one line; say something only when nothing did.
    if (errors.length === 0 && !diagnostics.some(d => d.level === 'error'))
      console.error(`ingest: no work-point plan found in ${args.files.length} file(s)`)
    return 1
  }
  const json = `${JSON.stringify(data, null, 2)}\n`
  if (args.out)
    writeFileSync(args.out, json)
  else if (!args.publish)
    process.stdout.write(json)
  if (args.publish) {
    try {
      const result = await publishPlanData(data, { server: args.server, ...await credentials() })
      console.error(`ingest: published to ${args.server}: added ${result.added.join(', ') || 'none'}; replaced ${result.replaced.join(', ') || 'none'}; data version ${result.version}`)
    }
    catch (error) {
      console.error(`ingest: publish failed: ${(error as Error).message}`)
      return 1
    }
  }
  const points = data.plans.reduce((n, p) => n + p.sections.reduce((m, s) => m + s.points.length, 0), 0)
  console.error(`ingest: ${data.plans.length} plan(s), ${points} point(s), version ${data.version}${args.out ? ` → ${args.out}` : ''}`)
  return 0
}

process.exitCode = await main()
