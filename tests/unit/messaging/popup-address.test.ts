// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { popupAddress, readPopupAddress } from '@/lib/messaging/popup-address';

describe('the popup address', () => {
  it('names the tab, and reads back what it names', () => {
    const path = popupAddress(42);
    expect(path).toBe('popup.html?tab=42');
    expect(readPopupAddress(path.slice(path.indexOf('?')))).toEqual({ tabId: 42 });
  });

  it('carries a page URL with its own query and fragment intact', () => {
    const url = 'https://news.example.com/a?x=1&tab=9#part';
    const path = popupAddress(7, url);
    expect(readPopupAddress(path.slice(path.indexOf('?')))).toEqual({ tabId: 7, url });
  });

  it('names no tab when there is none or it is not a tab id', () => {
    expect(readPopupAddress('')).toEqual({ tabId: null });
    expect(readPopupAddress('?url=https%3A%2F%2Fa.test%2F')).toEqual({ tabId: null, url: 'https://a.test/' });
    for (const bad of ['?tab=', '?tab=abc', '?tab=-1', '?tab=1.5', '?tab=1e3']) expect(readPopupAddress(bad).tabId).toBeNull();
  });
});
