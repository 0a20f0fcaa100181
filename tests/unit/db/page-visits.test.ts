// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { findPageVisit, openDb, recordPageVisit } from '@/lib/db';

const dbs: ReturnType<typeof openDb>[] = [];
function freshDb() {
  const db = openDb(`test-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

describe('page visits', () => {
  it('keeps the latest report per URL and finds it again', async () => {
    const db = freshDb();
    await recordPageVisit(db, { url: 'https://a.test/x', title: 'Old', isArticle: false, signals: [] }, 1);
    await recordPageVisit(db, { url: 'https://a.test/x', title: 'New', isArticle: true, signals: ['json-ld'] }, 2);
    expect(await db.pageVisits.count()).toBe(1);
    expect(await findPageVisit(db, 'https://a.test/x')).toEqual({
      url: 'https://a.test/x', title: 'New', isArticle: true, signals: ['json-ld'], seenAt: 2,
    });
  });

  it('answers null for a page never reported', async () => {
    expect(await findPageVisit(freshDb(), 'https://a.test/none')).toBeNull();
  });
});
