import type { PlanLevel } from '../domain/plan'
import { pinyin } from 'pinyin-pro'

const REGION_SUFFIX = /(?:自治区|自治州|自治县|[省市州盟县旗区镇乡]|地区|新区|街道)$/

function ascii(text: string, pattern: 'pinyin' | 'first'): string {
  return pinyin(text, { pattern, toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/ü/g, 'v')
    .replace(/[^a-z0-9]/g, '')
}

function slugs(region: string, topic: string): { region: string, topic: string } {
  return { region: ascii(region.replace(REGION_SUFFIX, '') || region, 'pinyin') || 'plan', topic: ascii(topic, 'first') || 'gzyd' }
}

/** Stable plan id from region, year and topic: 湖南省 2023 政务公开 → "hunan-2023-zwgk". */
export function planIdFor(region: string, year: number | null, topic: string): string {
  const slug = slugs(region, topic)
  return [slug.region, year ?? 'nd', slug.topic].join('-')
}

/** The series a plan belongs to, the same every year: 湖南省 政务公开 → "hunan-zwgk". */
export function seriesFor(region: string, topic: string): string {
  const slug = slugs(region, topic)
  return `${slug.region}-${slug.topic}`
}

/** Administrative level from the region's suffix; a plan with no region is a department's. */
export function levelFor(region: string): PlanLevel {
  if (/(?:省|自治区)$/.test(region) || /^(?:北京|上海|天津|重庆)市$/.test(region))
    return 'province'
  if (/(?:[市州盟]|自治州|地区)$/.test(region))
    return 'city'
  if (/(?:[县旗区]|自治县)$/.test(region))
    return 'county'
  if (/(?:镇|乡|街道)$/.test(region))
    return 'town'
  return 'department'
}

/** A short content hash (cyrb53) used as the plan-data version: it changes whenever the content does. */
export function contentHash(text: string): string {
  let h1 = 0xDEADBEEF
  let h2 = 0x41C6CE57
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0')
}
