// @vitest-environment node
/**
 * Wrong placements an earlier anchorer made, each kept as a test: replayed from the anchoring
 * benchmark's own trials (the corpus texts in ../shared, the same seeded edits), and reduced by
 * hand where the cause fits in a sentence. Each must now be placed exactly where its words went,
 * or be an orphan: never drawn on another copy of the passage.
 */
import { describe, expect, it } from 'vitest';
import { anchor, describe as describeSpan } from '@/lib/anchoring';
import { judge, trials, type Trial } from '../../../bench/anchoring/trials';
import { describeWithShared } from '../../support/shared-corpus';

/** Seed-7 trials the anchorer used to place wrongly, by the class of mistake. */
const REGRESSIONS: { index: number; variant: 'intact' | 'wordChanged'; mistake: string }[] = [
  { index: 4, variant: 'intact', mistake: 'two copies of a repeated entry, each with one context edit: the one nearer the old position was taken' },
  { index: 4, variant: 'wordChanged', mistake: 'the same, with a word of the quote changed' },
  { index: 1110, variant: 'intact', mistake: 'a block move rebuilt the whole context around another copy; the old position still held quote and prefix' },
  { index: 1682, variant: 'intact', mistake: 'a copy with its suffix intact beat the edited original by a margin' },
  { index: 1991, variant: 'intact', mistake: 'a duplicated 789-character passage: the copy with the closer context won' },
  { index: 1991, variant: 'wordChanged', mistake: 'the same with a word changed in the original: the verbatim copy won' },
  { index: 3290, variant: 'wordChanged', mistake: 'a fuzzy edge moved onto the next repeat of the first word ("player.setav")' },
];

describeWithShared('wrong placements found by the anchoring benchmark', () => {
  const wanted = new Map<number, Trial>();
  const last = Math.max(...REGRESSIONS.map((r) => r.index));
  for (const trial of trials(last + 1, 7)) if (REGRESSIONS.some((r) => r.index === trial.index)) wanted.set(trial.index, trial);

  it.each(REGRESSIONS)('trial $index ($variant): $mistake', ({ index, variant }) => {
    const trial = wanted.get(index)!;
    const doc = trial[variant]!;
    expect(judge(anchor(doc.text, trial.selectors), doc.span)).not.toBe('wrong');
  });
});

describe('edges must cut words as the highlight did', () => {
  it('does not take a letter inside a word for a one-word quote', () => {
    const before = 'Police began an investigation involving drug activity at a local home. Officers from the county searched it.';
    const at = before.indexOf(' a local') + 1;
    const selectors = describeSpan(before, at, at + 1);
    // Its context rewritten around it, the word "a" keeps less of it than the "a" in "smaller".
    const after = 'Police began an investigation involving drug activity smaller a usurp home. Ahlusunah from the county searched it.';
    const result = anchor(after, selectors);
    if (result.kind === 'anchored') expect(result.start).toBe(after.indexOf(' a usurp') + 1);
    expect(result).not.toMatchObject({ start: after.indexOf('smaller') + 2 });
  });

  it('starts a changed quote at its first word, not at the same letters inside the next word', () => {
    const quote = 'in a Leading Role, has taken to her Instagram page to share some stunning';
    const before = `The actress, who won the Movie Academy Award for Best Actress ${quote} photos of herself.`;
    const selectors = describeSpan(before, before.indexOf(quote), before.indexOf(quote) + quote.length);
    const changed = quote.replace('in a Leading', 'in identified Leading');
    const after = before.replace(quote, changed).replace('Best Actress', 'Best uma');
    const start = after.indexOf(changed);
    expect(anchor(after, selectors)).toMatchObject({ kind: 'anchored', start, end: start + changed.length, method: 'fuzzy' });
  });
});
