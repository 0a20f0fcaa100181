import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The seed article as a news page (shared fixture, read by tests only). */
export function caixinArticlePage(): string {
  return readFileSync(resolve('../shared/fixtures/caixin-huawei-ai.html'), 'utf8');
}

/** A small section front: many teasers, no dominant body. */
export function sectionFrontPage(): string {
  const teasers = Array.from(
    { length: 24 },
    (_, i) => `<li><a href="/story/${i}">Markets wrap ${i}: stocks drift as investors weigh rates</a></li>`,
  ).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Markets - Example News</title></head>
<body><header><nav><a href="/">Home</a> <a href="/markets">Markets</a></nav></header><main><h1>Markets</h1><ul>${teasers}</ul></main></body></html>`;
}
