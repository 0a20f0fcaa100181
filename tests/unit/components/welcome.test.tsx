import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Welcome, type SiteChoice, type WelcomeServices } from '@/components/Welcome';
import { NEWS_SITES } from '@/lib/sites/news-sites';
import { STARTER_FEEDS } from '@/lib/related/starter-feeds';
import { ALL_SITES } from '@/lib/sites/registration';
import { englishMessage } from './english-messages';

function services(answers: Partial<Record<SiteChoice, string[] | null>> = {}): WelcomeServices & { choose: ReturnType<typeof vi.fn> } {
  return {
    newsSites: NEWS_SITES,
    starterFeeds: STARTER_FEEDS,
    marked: async () => [],
    choose: vi.fn(async (choice: SiteChoice) => answers[choice] ?? null),
    addStarterFeeds: async () => ({ added: 10, failed: [{ title: 'CBC News', error: 'offline' }, { title: 'The Verge', error: 'offline' }] }),
    openOptions: () => undefined,
  };
}

async function mount(s: WelcomeServices): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<Welcome services={s} />, root));
  await act(async () => new Promise((r) => setTimeout(r, 0)));
  return root;
}

const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));

beforeEach(() => void vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as never));
afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('Welcome (first run)', () => {
  it('starts with nothing marked, and names the listed sites', async () => {
    const root = await mount(services());
    expect(root.querySelector('[data-testid="welcome-now"]')!.textContent).toBe('Newsmark marks a page only when you ask, from its toolbar popup.');
    expect(root.textContent).toContain(`${NEWS_SITES.length} major international, business and regional news sites: Reuters, Associated Press`);
    expect(root.textContent).toContain('Caixin Global');
  });

  it('says what each choice did', async () => {
    const news = NEWS_SITES.slice(0, 3).flatMap((site) => [...site.origins]);
    const s = services({ news, every: [...ALL_SITES], none: [] });
    const root = await mount(s);
    for (const [choice, said] of [
      ['news', `Newsmark marks articles on ${news.length} sites, and on any page when you ask.`],
      ['every', 'Newsmark marks articles on every site.'],
      ['none', 'Newsmark marks a page only when you ask, from its toolbar popup.'],
    ] as const) {
      root.querySelector<HTMLButtonElement>(`[data-testid="choose-${choice}"]`)!.click();
      await settle();
      expect(s.choose).toHaveBeenLastCalledWith(choice);
      expect(root.querySelector('[data-testid="welcome-now"]')!.textContent).toBe(`${said} You can close this page.`);
      expect(root.querySelector('[data-testid="welcome-said"]')).toBeNull();
    }
  });

  it('says when the browser refuses, as an alert', async () => {
    const root = await mount(services({ every: null }));
    root.querySelector<HTMLButtonElement>('[data-testid="choose-every"]')!.click();
    await settle();
    const said = root.querySelector('[data-testid="welcome-said"]')!;
    expect(said.getAttribute('role')).toBe('alert');
    expect(said.textContent).toBe('Your browser did not grant access, so nothing changed.');
  });

  it('adds the starter feeds and names those it could not reach', async () => {
    const root = await mount(services());
    root.querySelector<HTMLButtonElement>('[data-testid="add-starter-feeds"]')!.click();
    await settle();
    expect(root.querySelector('[data-testid="welcome-feeds-said"]')!.textContent).toBe('10 feeds added. Not reachable now (try again from Settings): CBC News, The Verge.');
  });
});
