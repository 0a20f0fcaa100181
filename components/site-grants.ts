/**
 * Granting sites for marking, from a page the reader clicked in: the browser is asked at once
 * (Firefox grants only within the click), after the background has been told to expect the
 * grant (a popup may close while the browser asks; the background then finishes the choice).
 */
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging';

/** Asks for `patterns` and records them as marked; the patterns marked now, or null when the browser refused. */
export function grantSites(patterns: string[]): Promise<string[] | null> {
  const expected = sendMessage('expectSiteGrant', { patterns }).catch(() => undefined);
  const asked = browser.permissions.request({ origins: patterns });
  return asked.then(async (granted) => {
    await expected;
    return granted ? sendMessage('addMarkedSites', { patterns }) : null;
  });
}
