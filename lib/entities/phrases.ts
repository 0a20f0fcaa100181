import { Kind, type Token } from './tokenize';

/**
 * Fixed multi-word phrases ("hong kong dollars", "per cent") looked up at a token position,
 * longest first. Words compare in lower case; the lookup costs one map probe per position.
 */
export class PhraseTable<V> {
  private readonly byFirst = new Map<string, { words: string[]; value: V }[]>();

  constructor(entries: Iterable<readonly [string, V]>) {
    for (const [phrase, value] of entries) {
      const words = phrase.split(' ');
      const list = this.byFirst.get(words[0]!) ?? [];
      list.push({ words, value });
      list.sort((a, b) => b.words.length - a.words.length);
      this.byFirst.set(words[0]!, list);
    }
  }

  /** The longest phrase that starts at token `j`, with the index of the token after it. */
  match(tokens: readonly Token[], j: number): { value: V; next: number } | undefined {
    const first = tokens[j];
    if (!first || first.kind !== Kind.Word) return undefined;
    const candidates = this.byFirst.get(first.text.toLowerCase());
    if (!candidates) return undefined;
    for (const { words, value } of candidates) {
      let k = 1;
      while (k < words.length && tokens[j + k]?.text.toLowerCase() === words[k]) k++;
      if (k === words.length) return { value, next: j + k };
    }
    return undefined;
  }
}
