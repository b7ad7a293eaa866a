import type { BlockDocument, TableBlock } from '../../../../src/ingest/blocks'
import { readFileSync } from 'node:fs'
import { expect } from 'vitest'
import { readDocumentBlocks } from '../../../../src/ingest/formats'

/** Shared by the format-reader tests: fixture loading and views of a BlockDocument. */

export const FIXTURES = new URL('../fixtures/documents/', import.meta.url)

/** A committed fixture's bytes (scripts/fixtures/generate.ts writes them). */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)))
}

/** Reads bytes under a name through the one entry point. */
export function read(name: string, bytes: Uint8Array = fixture(name)): Promise<BlockDocument> {
  return readDocumentBlocks({ name, bytes })
}

export const paragraphs = (doc: BlockDocument): string[] => doc.blocks.flatMap(b => (b.kind === 'paragraph' ? [b.text] : []))
export const tables = (doc: BlockDocument): TableBlock[] => doc.blocks.filter((b): b is TableBlock => b.kind === 'table')
/** Table rows as the expectations write them: cells, and `merged` only where set. */
export const rowsOf = (table: TableBlock | undefined) => (table?.rows ?? []).map(r => (r.merged ? { cells: r.cells, merged: true } : { cells: r.cells }))

/** Every text the document holds, paragraphs and cells, for "nothing of X leaks" checks. */
export function allText(doc: BlockDocument): string {
  return doc.blocks.map(b => (b.kind === 'paragraph' ? b.text : b.rows.map(r => r.cells.join('\t')).join('\n'))).join('\n')
}

/** A refusal: no blocks, format null, exactly one error diagnostic carrying its code and Chinese line. */
export function expectRefusal(doc: BlockDocument, code: string, zh?: string | RegExp): void {
  expect(doc.format).toBeNull()
  expect(doc.blocks).toEqual([])
  expect(doc.diagnostics).toHaveLength(1)
  const [d] = doc.diagnostics
  expect(d).toMatchObject({ level: 'error', code })
  expect(d!.zh).toBeTruthy()
  expect(d!.message).toBeTruthy()
  if (zh)
    expect(d!.zh).toMatch(zh)
}

/** The shape every reader returns, whatever the input. */
export function expectBlockDocument(doc: BlockDocument, source: string): void {
  expect(doc.source).toBe(source)
  expect(Array.isArray(doc.blocks)).toBe(true)
  expect(Array.isArray(doc.diagnostics)).toBe(true)
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') {
      expect(typeof b.text).toBe('string')
    }
    else {
      expect(b.kind).toBe('table')
      for (const r of b.rows)
        expect(r.cells.every(c => typeof c === 'string')).toBe(true)
    }
  }
  if (doc.format === null) {
    const errors = doc.diagnostics.filter(d => d.level === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]!.zh).toBeTruthy()
  }
}
