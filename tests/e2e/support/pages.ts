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

export const ABOUT_TITLE = 'About Example Partners';

/**
 * A company page, not an article: enough prose to be looked at (so there is a body to mark),
 * but undated and short, so it is not taken for one. It names companies and figures.
 */
export function aboutPage(): string {
  const paragraphs = [
    'Example Partners advises manufacturers on supply chains across Asia and Europe. Our clients include Huawei, Siemens and Toyota, and we have worked with Samsung on semiconductor sourcing.',
    'The firm manages projects worth more than $1.2 billion a year and has grown its staff by 15% since it was founded. We answer every enquiry within two working days.',
    'Our offices in Singapore, Munich and Osaka work as one team, so a client has one contact wherever its suppliers are. Write to us to arrange a first meeting. We are independent and owned by our partners.',
  ];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${ABOUT_TITLE}</title></head>
<body><header><nav><a href="/">Home</a> <a href="/contact">Contact</a></nav></header><main><h1>About us</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</main></body></html>`;
}
