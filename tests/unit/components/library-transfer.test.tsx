/**
 * What the library's import line says: each thing once. "0 skipped (without quoted text)" was
 * printed after every import, and a refused file read "Nothing was imported. … Nothing was
 * changed." (issue 28's cosmetic list).
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { LibraryTransfer, type TransferServices } from '@/components/LibraryTransfer';
import type { ImportSummary } from '@/lib/contracts/messages';
import { previewImport } from '@/lib/library/import-apply';
import { parseImport } from '@/lib/library/import-parse';
import { englishMessage } from './english-messages';
import { freshDb } from '../library/seed';
import { settleUntil } from '../support/mount';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as never);
});
afterEach(async () => {
  await act(async () => [...document.body.children].forEach((root) => render(null, root)));
  vi.restoreAllMocks();
  document.body.replaceChildren();
});


function services(summary: ImportSummary, preview: TransferServices['previewText'] = async () => ({ ...summary, added: 0 })): TransferServices {
  return {
    loadAll: async () => ({ articles: [], highlights: [] }) as never,
    importText: async () => summary,
    previewText: preview,
    download: () => undefined,
  };
}

/** Picks `text` as the import file, as the reader's file dialog would, and answers the outcome line. */
async function importFile(transfer: TransferServices, text: string): Promise<{ line: string; remarks: string[] }> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<LibraryTransfer listed={null} services={transfer} />, root));
  const input = root.querySelector<HTMLInputElement>('[data-testid="import-file"]')!;
  Object.defineProperty(input, 'files', { value: [new File([text], 'library.json', { type: 'application/json' })] });
  await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })));
  const outcome = () => root.querySelector('[data-testid="import-outcome"]');
  await settleUntil(root, () => outcome() !== null);
  return { line: outcome()?.textContent ?? '', remarks: [...root.querySelectorAll('[data-testid="import-remarks"] li')].map((li) => li.textContent!) };
}

it('counts left-out annotations only when there are some, the remarks saying why', async () => {
  const clean = await importFile(services({ format: 'newsmark', added: 6, updated: 0, unchanged: 0, skipped: 0, remarks: [] }), '{}');
  expect(clean.line).toBe('Imported: 6 added, 0 updated, 0 already here.');

  const skipped = await importFile(services({ format: 'hypothesis', added: 4, updated: 0, unchanged: 0, skipped: 2, remarks: ['1 reply was left out', '1 annotation that quotes no text (a page note or an image region) was left out'] }), '{}');
  expect(skipped.line).toBe('Imported: 4 added, 0 updated, 0 already here. 2 annotations left out.');
  expect(skipped.remarks).toEqual(['1 reply was left out.', '1 annotation that quotes no text (a page note or an image region) was left out.']);
});

it('says once that a refused file changed nothing', async () => {
  const db = freshDb();
  const transfer = services({ format: 'newsmark', added: 0, updated: 0, unchanged: 0, skipped: 0, remarks: [] }, async (text) => previewImport(db, parseImport(text)));
  const { line } = await importFile(transfer, '{"articles": [tab\there]}');
  expect(line).toMatch(/^Nothing was imported\. The file is not valid JSON \(.+\)\.$/);
  expect(line.match(/nothing/gi)).toHaveLength(1);
});
