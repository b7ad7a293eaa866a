import type { Plan, PlanData, WorkPoint } from '../../src/domain/plan'
import type { Checkin, Favorite, Mutation } from '../../src/domain/progress'
import { randomUUID } from 'node:crypto'

function point(planId: string, no: number): WorkPoint {
  return {
    id: `${planId}-${no}`,
    no,
    title: `要点${no}`,
    body: '',
    leadUnits: ['省政务局'],
    partnerUnits: [],
    responsibility: '（省政务局牵头）',
    deadlines: [],
    targets: [],
    themes: ['zwgk'],
    related: [],
  }
}

/** A plan with `count` points `${id}-1` … */
export function makePlan(id: string, count = 3, title = '测试工作要点'): Plan {
  return {
    id,
    title,
    region: '湖南省',
    level: 'province',
    year: 2023,
    sources: ['test.txt'],
    sections: [{ no: 1, title: '第一部分', points: Array.from({ length: count }, (_, i) => point(id, i + 1)) }],
  }
}

export const PLAN_DATA: PlanData = {
  version: 'test-1',
  plans: [makePlan('test-plan', 5)],
  themes: [{ id: 'zwgk', name: '政务公开', icon: 'i-zwgk', keywords: ['公开'] }],
}

export const POINT = 'test-plan-1'

export function checkin(overrides: Partial<Checkin> = {}): Checkin {
  return {
    id: randomUUID(),
    pointId: POINT,
    status: 'in_progress',
    progress: 40,
    note: '推进中',
    createdAt: '2023-05-01T08:00:00.000Z',
    deviceId: 'device-a',
    ...overrides,
  }
}

export function checkinMutation(overrides: Partial<Checkin> = {}): Mutation {
  return { id: randomUUID(), kind: 'checkin.create', checkin: checkin(overrides) }
}

export function favoriteMutation(overrides: Partial<Favorite> = {}): Mutation {
  return {
    id: randomUUID(),
    kind: 'favorite.set',
    favorite: { pointId: POINT, on: true, updatedAt: '2023-05-01T08:00:00.000Z', deviceId: 'device-a', ...overrides },
  }
}
