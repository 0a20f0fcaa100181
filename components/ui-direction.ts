import { browser } from 'wxt/browser';

/** The writing direction of the language Newsmark's UI is shown in (`@@bidi_dir`, given by the browser). */
export function uiDirection(): 'ltr' | 'rtl' {
  return browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
}
