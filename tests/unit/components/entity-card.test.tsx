import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { render } from 'preact';
import { EntityCard } from '@/components/EntityCard';
import type { CardModel } from '@/lib/marking/card-model';
import { englishMessage } from './english-messages';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as never);
});
afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('EntityCard', () => {
  it("lays out a company's facts, its website as a link opening in a new tab", () => {
    const model: CardModel = {
      kind: 'Company',
      title: 'Agilent Technologies',
      rows: [
        { label: 'Country', value: 'United States' },
        { label: 'Website', value: 'agilent.com', href: 'https://agilent.com' },
      ],
      canJumpToNext: false,
      canShowCoverage: true,
      canOpenDossier: false,
    };
    render(<EntityCard model={model} onNext={() => {}} onCoverage={() => {}} onDossier={() => {}} onClose={() => {}} />, document.body);
    const cells = [...document.querySelectorAll('dt, dd')].map((e) => e.textContent);
    expect(cells).toEqual(['Country', 'United States', 'Website', 'agilent.com']);
    const link = document.querySelector('dd a')!;
    expect(link.getAttribute('href')).toBe('https://agilent.com');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(document.querySelectorAll('a')).toHaveLength(1);
  });

  it("offers the company's dossier once a saved article names it, and says so in words", () => {
    const onDossier = vi.fn();
    const model: CardModel = { kind: 'Company', title: 'Huawei', rows: [], canJumpToNext: false, canShowCoverage: true, canOpenDossier: true };
    const root = document.body.appendChild(document.createElement('div'));
    render(<EntityCard model={model} onNext={() => {}} onCoverage={() => {}} onDossier={onDossier} onClose={() => {}} />, root);
    const button = document.querySelector<HTMLButtonElement>('[data-testid="card-dossier"]')!;
    expect(button.textContent).toBe('Everything in your library');
    button.click();
    expect(onDossier).toHaveBeenCalledOnce();
  });
});
