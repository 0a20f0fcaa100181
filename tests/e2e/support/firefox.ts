/**
 * Debian's Firefox ESR driven over WebDriver BiDi by puppeteer-core, with the built
 * extension installed as a temporary add-on. The add-on's internal UUID is pinned
 * through a pref so that its moz-extension:// pages have a known address.
 */
import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_BUILD, requireBuild, waitForFirstStage, withTestSite, type ScriptingGlobal } from './extension';
import { GECKO_ID } from '../../../wxt.config';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface FirefoxSession {
  browser: Browser;
  extensionUrl(path: string): string;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * `asShipped`: the build as a reader installs it; otherwise with the test server's site granted
 * (see withTestSite). `downloadFolder`: where downloads are saved, without asking.
 */
export async function launchFirefox(build = FIREFOX_BUILD, { asShipped = false, downloadFolder = '' } = {}): Promise<FirefoxSession> {
  const extensionDir = asShipped ? requireBuild(build) : withTestSite(build);
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // Keep the browser off the network: only the test server on 127.0.0.1 is reachable. Every
      // other address goes to a proxy on a closed local port, refused at once, as Chromium's
      // host-resolver rule does: a saved page's images and scripts elsewhere would otherwise
      // hold its load event for seconds each, waiting on lookups.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.socks': '127.0.0.1',
      'network.proxy.socks_port': 9,
      'network.proxy.socks_remote_dns': true,
      'network.proxy.no_proxies_on': '127.0.0.1,localhost',
      'network.proxy.allow_hijacking_localhost': false,
      'network.dns.disablePrefetch': true,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'extensions.update.enabled': false,
      'app.update.enabled': false,
      // An optional permission asked for in a click (a feed's site) is granted as the reader's Allow would: headless Firefox shows no prompt to answer.
      'extensions.webextOptionalPermissionPrompts': false,
      ...(downloadFolder ? savingDownloadsInto(downloadFolder) : {}),
    },
  });
  await browser.installExtension(extensionDir);
  const extensionUrl = (path: string) => `moz-extension://${uuid}/${path.replace(/^\//, '')}`;
  if (!asShipped) {
    // The granted site marks once the background has registered the first stage for it (on install).
    // Asked from an extension page. Navigations to moz-extension:// may never resolve over BiDi,
    // and evaluations fail until the document is there: both are simply retried by the wait.
    const page = await browser.newPage();
    void page.goto(extensionUrl('welcome.html')).catch(() => undefined);
    await waitForFirstStage(() => page.evaluate(() => (globalThis as unknown as ScriptingGlobal).browser.scripting.getRegisteredContentScripts().then((s) => s.length)));
    await page.close();
  }
  return {
    browser,
    extensionUrl,
    newPage: () => browser.newPage(),
    close: () => browser.close(),
  };
}

/** Preferences that save every download into `folder` at once, as a reader who chose "always save here" has it. */
function savingDownloadsInto(folder: string): Record<string, string | number | boolean> {
  return {
    'browser.download.folderList': 2,
    'browser.download.dir': folder,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.alwaysOpenPanel': false,
  };
}
