// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { titleOrFromText } from '@/lib/article/fallback-title';
import { saveArticle } from '@/lib/db/library';
import { freshDb } from '../library/seed';

describe('a title for an untitled article', () => {
  it('keeps a given title as it is', () => {
    expect(titleOrFromText('Vantor Rail\nwins', 'Body.')).toBe('Vantor Rail\nwins');
    expect(titleOrFromText(' \n ', 'Body text.')).toBe('Body text.');
  });

  it('takes the first sentence of the text when the page gave no title', () => {
    expect(titleOrFromText('', 'Vantor Rail won a contract on Tuesday. It starts in May.')).toBe('Vantor Rail won a contract on Tuesday.');
    expect(titleOrFromText(null, '  \n Short note without a full stop ')).toBe('Short note without a full stop');
    // A figure's decimal point is not the end of a sentence.
    expect(titleOrFromText(undefined, 'Shares rose 2.5 per cent. More later.')).toBe('Shares rose 2.5 per cent.');
  });

  it('shortens a long first sentence at a word, with …', () => {
    const long = 'The regional transport authority said on Tuesday that the consortium led by Vantor Rail had won the contract to build the next line';
    const title = titleOrFromText('', long);
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(91);
    expect(long.startsWith(title.slice(0, -1))).toBe(true);
    expect(long[title.length - 1]).toBe(' ');
  });

  it('is what the library stores for a page saved without a title', async () => {
    const db = freshDb();
    const saved = await saveArticle(db, { url: 'https://rail.example.net/x', title: '', text: 'Vantor Rail won the Lisbon contract. Details follow.' });
    expect(saved.title).toBe('Vantor Rail won the Lisbon contract.');
  });
});
