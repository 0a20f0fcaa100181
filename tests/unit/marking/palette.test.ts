// @vitest-environment node
/**
 * Marks and the reader's highlights must not be taken for one another (a green highlight beside
 * a green money mark read as another mark). Marks are an underline over a faint wash; highlights
 * a strong fill with no underline; where their hues are close, the fills differ by far in weight.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLOURS } from '@/lib/contracts/records';
import { ENTITY_TYPES, FOCUS_HIGHLIGHT, highlightName } from '@/lib/marking/highlight-names';

const css = readFileSync(resolve(__dirname, '../../../lib/marking/marks.css'), 'utf8');

/** Every rule for the highlight `name` (the first is the one every browser reads; later ones, Firefox's). */
function rulesOf(name: string): string[] {
  const rules = [...css.matchAll(new RegExp(`::highlight\\(${name}\\)\\s*\\{([^}]*)\\}`, 'g'))].map((m) => m[1]!);
  if (rules.length === 0) throw new Error(`marks.css has no rule for ${name}`);
  return rules;
}
const ruleOf = (name: string) => rulesOf(name)[0]!;

interface Fill {
  hue: number;
  alpha: number;
}

function fillOf(rule: string): Fill | null {
  const match = /background-color:\s*rgba\((\d+),\s*(\d+),\s*(\d+),\s*([\d.]+)\)/.exec(rule);
  if (!match) return null;
  const [r, g, b] = [match[1], match[2], match[3]].map((v) => Number(v) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  let hue = 0;
  if (d > 0) hue = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return { hue: (hue * 60 + 360) % 360, alpha: Number(match[4]) };
}

const hueDistance = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));

const markNames = [...ENTITY_TYPES.map((type) => highlightName(type, 'tint')), FOCUS_HIGHLIGHT];
const everyMarkName = [...markNames, ...ENTITY_TYPES.map((type) => highlightName(type, 'underline'))];
const highlightNames = HIGHLIGHT_COLOURS.map((colour) => `newsmark-hl-${colour}`);

describe('marks and highlights speak different languages', () => {
  it('every mark is underlined and every highlight is not', () => {
    for (const name of markNames) expect(ruleOf(name), name).toMatch(/text-decoration:\s*underline/);
    for (const type of ENTITY_TYPES) expect(ruleOf(highlightName(type, 'underline')), type).toMatch(/text-decoration:\s*underline/);
    for (const name of highlightNames) expect(ruleOf(name), name).not.toMatch(/text-decoration/);
  });

  it('in Firefox, which paints no underline under a highlight, every mark still shows a wash', () => {
    const firefox = /@supports \(-moz-appearance: none\) \{([\s\S]*?)\n\}/.exec(css)?.[1] ?? '';
    for (const type of ENTITY_TYPES) expect(firefox, type).toMatch(new RegExp(`::highlight\\(${highlightName(type, 'underline')}\\)\\s*\\{[^}]*background-color`));
    expect(firefox).toMatch(new RegExp(`::highlight\\(${FOCUS_HIGHLIGHT}\\)\\s*\\{[^}]*background-color`));
  });

  it('a highlight fills at least four times as strongly as any mark of a near hue', () => {
    for (const highlight of highlightNames) {
      const fill = fillOf(ruleOf(highlight));
      expect(fill, highlight).not.toBeNull();
      // Firefox's own rules (a wash where it paints no underline) included.
      for (const mark of everyMarkName) {
        for (const rule of rulesOf(mark)) {
          const markFill = fillOf(rule);
          if (!markFill || hueDistance(markFill.hue, fill!.hue) > 45) continue;
          expect(fill!.alpha, `${highlight} beside ${mark}`).toBeGreaterThanOrEqual(4 * markFill.alpha);
        }
      }
    }
  });
});
