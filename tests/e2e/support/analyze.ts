/** Runs the `analyze` CLI once over many files and returns its JSON lines by file. */
import { execFileSync } from 'node:child_process';

export interface AnalyzedEntity {
  type: string;
  start: number;
  end: number;
  text: string;
}

export interface Analyzed {
  file: string;
  isArticle: boolean;
  text: string;
  entities: AnalyzedEntity[];
  error?: string;
}

export function analyzeFiles(files: string[]): Map<string, Analyzed> {
  const out = execFileSync('npm', ['run', '--silent', 'analyze', '--', ...files], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const results = new Map<string, Analyzed>();
  for (const line of out.split('\n')) {
    if (!line.trim()) continue;
    const parsed = JSON.parse(line) as Analyzed;
    results.set(parsed.file, parsed);
  }
  return results;
}

/** Entity texts by type in reading order, whitespace folded (the DOM keeps the page's own). */
export function textsByType(entities: { type: string; text: string }[]): Record<string, string[]> {
  const byType: Record<string, string[]> = {};
  for (const e of entities) (byType[e.type] ??= []).push(foldSpace(e.text));
  return byType;
}

export function foldSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
