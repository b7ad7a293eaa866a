import type { IncomingHttpHeaders } from 'node:http'
import { request } from 'node:http'

export interface Raw { status: number, headers: IncomingHttpHeaders, body: Buffer }

/** A GET by node:http, which (unlike fetch) hands over a 304 and the body exactly as sent, still encoded. */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    }).on('error', reject).end()
  })
}
