// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { listTags } from '@/lib/db/tags';
import { freshDb, seedLibrary } from '../library/seed';
import { updateArticle } from '@/lib/db/library';

describe('tags for suggestions', () => {
  it('lists every tag on articles and highlights once whatever its case (the spelling the index gives first), sorted', async () => {
    const db = freshDb();
    const { articleIds } = await seedLibrary(db);
    await updateArticle(db, articleIds[1]!, { tags: ['chips', 'Energy'] });
    expect(await listTags(db)).toEqual(['chips', 'Energy', 'M&A', 'valuation']);
  });
});
