/**
 * A company's note edited on two devices at once (issue 24 with 26), on fake-indexeddb: two device
 * databases exchange their states through the sync store as a server would carry them; the
 * dossier of one marks the note, shows both texts side by side, and writes the reader's choice.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Dossier } from '@/components/Dossier';
import { dossierServices } from '@/components/dossier-services';
import { saveCompanyNote } from '@/lib/db/company-notes';
import { saveArticle } from '@/lib/db/library';
import type { NewsmarkDb } from '@/lib/db';
import { englishMessage } from '../components/english-messages';
import { freshDb } from '../library/seed';
import { carry, conflictActions } from '../support/two-devices';
import { conflictMarks } from '@/lib/sync/conflicts';
import { listNoteConflicts } from '@/lib/sync/service';
import { mountUntil, settleUntil } from '../support/mount';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as never);
});
afterEach(async () => {
  await act(async () => [...document.body.children].forEach((root) => render(null, root)));
  vi.restoreAllMocks();
  document.body.replaceChildren();
});


const TEXT = 'Nordwind Energy agreed to buy Baltic Grid on Monday.';

/** Device `here` (shown) and `there`: the company's note edited on both, later on `there`. */
async function conflicted() {
  const here = freshDb();
  const there = freshDb();
  await saveArticle(here, {
    url: 'https://news.example/one', title: 'Nordwind buys Baltic Grid', text: TEXT,
    entities: [{ type: 'company', start: 0, end: 15, text: 'Nordwind Energy', id: 'nordwind', name: 'Nordwind Energy' }],
  });
  await saveCompanyNote(here, { companyId: 'nordwind', companyName: 'Nordwind Energy', note: 'first' });
  await carry(here, there);
  const t = Date.now();
  await saveCompanyNote(here, { companyId: 'nordwind', companyName: 'Nordwind Energy', note: 'Ü from here 漢字' }, t);
  await saveCompanyNote(there, { companyId: 'nordwind', companyName: 'Nordwind Energy', note: 'from there 🙂' }, t + 1_000);
  await carry(here, there);
  await carry(there, here);
  return { here, there };
}

const within = (el: Element, testId: string) => el.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
const noteBox = (root: HTMLElement) => root.querySelector<HTMLTextAreaElement>('#company-note-text')!;

for (const [keep, note] of [['shown', 'from there 🙂'], ['copy', 'Ü from here 漢字'], ['both', 'from there 🙂\n\nÜ from here 漢字']] as const) {
  it(`marks a company note edited on two devices on its dossier, shows both texts side by side, keeps ${keep}, and the choice syncs`, async () => {
    const { here, there } = await conflicted();
    const services = { ...dossierServices(here), searchCoverage: async () => ({ items: [], sources: [] }), conflicts: conflictActions(here) };
    const root = await mountUntil(<Dossier services={services} companyId="nordwind" />, (r) => within(r, 'note-conflict') !== null);
    expect(noteBox(root).value).toBe('from there 🙂');
    const button = within(root, 'note-conflict')!;
    expect(button.textContent).toBe('Edited on two devices: compare');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    await act(async () => button.click());
    await settleUntil(root, (r) => within(r, 'conflict-compare') !== null);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(within(root, 'conflict-shown')?.textContent).toBe('from there 🙂');
    expect(within(root, 'conflict-copy')?.textContent).toBe('Ü from here 漢字');
    await act(async () => within(root, `keep-${keep}`)!.click());
    await settleUntil(root, (r) => within(r, 'note-conflict') === null && noteBox(r).value === note);
    const stored = await here.companyNotes.get('nordwind');
    expect(stored?.note).toBe(note);
    expect(stored?.companyName).toBe('Nordwind Energy');
    expect(await listNoteConflicts(here, 'companyNote', 'nordwind')).toEqual([]);
    // The choice reaches the other device, which keeps no copy either.
    await carry(here, there);
    expect((await there.companyNotes.get('nordwind'))?.note).toBe(note);
    expect(await listNoteConflicts(there, 'companyNote', 'nordwind')).toEqual([]);
    expect(await conflictMarks(there)).toEqual([]);
    here.close();
    there.close();
  });
}

it('shows no mark on a company note edited on one device only', async () => {
  const here = freshDb();
  await saveArticle(here, {
    url: 'https://news.example/one', title: 'Nordwind buys Baltic Grid', text: TEXT,
    entities: [{ type: 'company', start: 0, end: 15, text: 'Nordwind Energy', id: 'nordwind', name: 'Nordwind Energy' }],
  });
  await saveCompanyNote(here, { companyId: 'nordwind', companyName: 'Nordwind Energy', note: 'only here' });
  const services = { ...dossierServices(here), searchCoverage: async () => ({ items: [], sources: [] }), conflicts: conflictActions(here) };
  const root = await mountUntil(<Dossier services={services} companyId="nordwind" />, (r) => noteBox(r)?.value === 'only here');
  expect(await conflictMarks(here, [{ kind: 'companyNote', id: 'nordwind' }])).toEqual([]);
  expect(within(root, 'note-conflict')).toBeNull();
  here.close();
});
