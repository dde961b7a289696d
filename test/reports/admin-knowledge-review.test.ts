/** The admin console shows the same knowledge review as `cli knowledge review`. */
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { adminRoutes } from '../../src/reports/http/admin-routes.js';
import { SqliteReportStore } from '../../src/reports/store/sqlite-report-store.js';
import type { Db } from '../../src/store/database.js';
import { openTestKnowledgeBase } from '../helpers/knowledge-base.js';
import { planAreas, tempDb } from './helpers.js';

const TOKEN = 'test-admin-token-0123456789abcdef';
const bearer = { authorization: `Bearer ${TOKEN}` };
let db: Db | undefined;
afterEach(() => db?.close());

describe('knowledge review in the admin API', () => {
  it('lists the shipped knowledge review (only items awaiting confirmation) behind the admin login', async () => {
    const kb = await openTestKnowledgeBase();
    db = tempDb().db;
    const app = Fastify();
    await app.register(adminRoutes, {
      store: new SqliteReportStore(db),
      areas: planAreas(),
      adminToken: TOKEN,
      knowledgeReview: () => kb.review('2026-12-01'),
    });
    expect((await app.inject({ url: '/admin/api/knowledge-review' })).statusCode).toBe(401);
    const res = await app.inject({ url: '/admin/api/knowledge-review', headers: bearer });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { available: boolean; actionable: number; items: Array<{ target: string; awaitingConfirmation: boolean }> };
    expect(body.available).toBe(true);
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.actionable).toBe(0);
    expect(body.items.every((i) => i.awaitingConfirmation)).toBe(true);
    expect(body).toEqual({ available: true, actionable: 0, items: kb.review('2026-12-01').items });
    await app.close();
  });

  it('says the review is not available when no knowledge base is loaded', async () => {
    db = tempDb().db;
    const app = Fastify();
    await app.register(adminRoutes, { store: new SqliteReportStore(db), areas: planAreas(), adminToken: TOKEN });
    expect((await app.inject({ url: '/admin/api/knowledge-review', headers: bearer })).json()).toEqual({ available: false, items: [], actionable: 0 });
    await app.close();
  });
});
