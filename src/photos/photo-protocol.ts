import type { PreparedPhoto } from '~/db/photos'

/** To the photo worker: one picked image file. */
export interface PhotoRequest { id: number, file: File }

/** From the photo worker: the compressed photo, or why it could not be read. */
export type PhotoAnswer = { id: number, ok: true, photo: PreparedPhoto } | { id: number, ok: false, message: string }
