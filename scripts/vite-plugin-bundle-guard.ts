import type { OutputBundle, OutputChunk } from 'rollup'
import type { Plugin } from 'vite'

/**
 * Fails the build when a package that must stay off a path reaches it: zod in the app's chunks (all precached, the
 * first-load ones among them: index.html's script and its module preloads) or anywhere in the service worker;
 * and when a stylesheet holds what the app does not use (Vant's icon font). The client checks what it receives with the
 * hand-written guards of src/domain/wire-guards.ts; zod stays the source of the types and of the server's checks.
 * With BUNDLE_REPORT=1 it also prints the largest modules of the first-load chunks (what to move off the first path).
 */
export interface BundleGuardOptions {
  /** `first-load`: the entry chunks and what they import statically; `all`: every chunk (the service worker). */
  scope: 'first-load' | 'all'
  /** Package names that must not be in scope. */
  forbidden: string[]
  /** Names the bundle in messages. */
  label: string
  /** Patterns no emitted stylesheet may contain (e.g. an icon font the app does not use). */
  forbiddenCss?: RegExp[]
}

/** `file: pattern` for every emitted stylesheet matching a forbidden pattern. */
export function forbiddenCss(bundle: OutputBundle, patterns: RegExp[]): string[] {
  return Object.values(bundle).flatMap((file) => {
    if (file.type !== 'asset' || !file.fileName.endsWith('.css'))
      return []
    const css = typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source)
    return patterns.filter(pattern => pattern.test(css)).map(pattern => `${file.fileName}: ${pattern}`)
  })
}

/** The chunks a first visit loads before anything lazy: entries and, transitively, their static imports. */
export function guardedChunks(bundle: OutputBundle, scope: BundleGuardOptions['scope']): OutputChunk[] {
  const chunks = Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk')
  if (scope === 'all')
    return chunks
  const byName = new Map(chunks.map(chunk => [chunk.fileName, chunk]))
  const seen = new Set<OutputChunk>()
  const visit = (chunk: OutputChunk | undefined) => {
    if (!chunk || seen.has(chunk))
      return
    seen.add(chunk)
    chunk.imports.forEach(name => visit(byName.get(name)))
  }
  chunks.filter(chunk => chunk.isEntry).forEach(visit)
  return [...seen]
}

/** The package a module id belongs to (`zod`, `@vue/runtime-core`), or undefined for the app's own files. */
export function packageOf(id: string): string | undefined {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id.replaceAll('\\', '/'))
  return match?.[1]
}

/** `chunk: module` for every module of a forbidden package in the chunks. */
export function forbiddenModules(chunks: OutputChunk[], forbidden: string[]): string[] {
  return chunks.flatMap(chunk => Object.keys(chunk.modules)
    .filter(id => forbidden.includes(packageOf(id) ?? ''))
    .map(id => `${chunk.fileName}: ${id}`))
}

/** The shortest import path from an entry module to `target`, through `importedIds` (static imports only). */
export function importPath(target: string, entries: string[], importedIds: (id: string) => readonly string[]): string[] {
  const previous = new Map<string, string | null>(entries.map(id => [id, null]))
  const queue = [...entries]
  while (queue.length > 0) {
    const id = queue.shift()!
    if (id === target) {
      const path: string[] = []
      for (let at: string | null = id; at !== null; at = previous.get(at) ?? null)
        path.unshift(at)
      return path
    }
    for (const next of importedIds(id)) {
      if (!previous.has(next)) {
        previous.set(next, id)
        queue.push(next)
      }
    }
  }
  return []
}

const short = (id: string) => id.replace(/^.*?\/(src|node_modules)\//, '$1/')

function report(label: string, chunks: OutputChunk[]): void {
  const byOwner = new Map<string, number>()
  for (const chunk of chunks) {
    for (const [id, info] of Object.entries(chunk.modules)) {
      const owner = packageOf(id) ?? short(id)
      byOwner.set(owner, (byOwner.get(owner) ?? 0) + info.renderedLength)
    }
  }
  const rows = [...byOwner].sort((a, b) => b[1] - a[1])
  console.log(`\n[bundle-guard] ${label}: ${chunks.map(c => c.fileName).join(', ')}`)
  for (const [owner, bytes] of rows.slice(0, 40))
    console.log(`  ${(bytes / 1024).toFixed(1).padStart(7)} KB  ${owner}`)
}

export function bundleGuard(options: BundleGuardOptions): Plugin {
  return {
    name: `yaodiantong:bundle-guard:${options.label}`,
    apply: 'build',
    enforce: 'post',
    generateBundle(_output, bundle) {
      if (process.env.BUNDLE_REPORT)
        report(`${options.label}, first load`, guardedChunks(bundle, 'first-load'))
      const chunks = guardedChunks(bundle, options.scope)
      const css = forbiddenCss(bundle, options.forbiddenCss ?? [])
      if (css.length > 0)
        this.error(`stylesheets hold what the app does not use: ${css.join(', ')}`)
      const found = forbiddenModules(chunks, options.forbidden)
      if (found.length === 0)
        return
      const first = found[0]!.slice(found[0]!.indexOf(': ') + 2)
      const entries = chunks.filter(c => c.isEntry).flatMap(c => c.facadeModuleId ? [c.facadeModuleId] : [])
      const path = importPath(first, entries, (id) => {
        const info = this.getModuleInfo(id)
        return [...info?.importedIds ?? [], ...(options.scope === 'all' ? info?.dynamicallyImportedIds ?? [] : [])]
      })
      this.error(`${options.forbidden.join(', ')} must not be in ${options.label} (${found.length} modules), e.g. ${first}\n`
        + `imported through: ${path.map(short).join(' → ') || '(unknown)'}`)
    },
  }
}
