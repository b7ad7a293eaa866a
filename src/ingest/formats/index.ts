import type { BlockDocument, SourceFile } from '../blocks'
import { readText } from './txt'

/**
 * Reads any supported document into blocks: the one entry point of the format readers, shared by the CLI, the
 * build and the app's import worker. The format is chosen by content, not by the extension alone.
 */
export async function readDocumentBlocks(file: SourceFile): Promise<BlockDocument> {
  return readText(file.bytes, file.name)
}
