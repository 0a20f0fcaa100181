/**
 * Debian's Firefox ESR driven over WebDriver BiDi by puppeteer-core, with the built
 * extension installed as a temporary add-on. The add-on's internal UUID is pinned
 * through a pref so that its moz-extension:// pages have a known address.
 */
import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_BUILD, requireBuild } from './extension';
import { GECKO_ID } from '../../../wxt.config';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface FirefoxSession {
  browser: Browser;
  extensionUrl(path: string): string;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(extensionDir = FIREFOX_BUILD): Promise<FirefoxSession> {
  requireBuild(extensionDir);
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // Keep the browser off the network: only the test server on 127.0.0.1 is reachable.
      'network.dns.disablePrefetch': true,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'extensions.update.enabled': false,
      'app.update.enabled': false,
      // An optional permission asked for in a click (a feed's site) is granted as the reader's Allow would: headless Firefox shows no prompt to answer.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  await browser.installExtension(extensionDir);
  return {
    browser,
    extensionUrl: (path) => `moz-extension://${uuid}/${path.replace(/^\//, '')}`,
    newPage: () => browser.newPage(),
    close: () => browser.close(),
  };
}
