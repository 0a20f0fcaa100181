import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/Popup';
import { sendMessage } from '@/lib/messaging';
import '@/components/base.css';

async function loadCurrentPage() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  // The e2e tests open the popup as a tab of its own and name the page under test.
  const url = new URLSearchParams(location.search).get('url') ?? tab?.url;
  if (!url) return null;
  return sendMessage('getPageVisit', { url });
}

render(<Popup load={loadCurrentPage} />, document.getElementById('app')!);
