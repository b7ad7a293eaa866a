import type { BoardStatus } from '~/domain/board'

// Colours back the words, never replace them: every figure is also written out and labelled.
export const BOARD_COLORS: Record<BoardStatus, string> = { none: '#c9cdd4', in_progress: '#1677ff', done: '#389e0d', blocked: '#d4380d' }
