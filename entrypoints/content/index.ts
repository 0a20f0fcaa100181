import { defineContentScript } from 'wxt/utils/define-content-script';
import { gatePage } from '@/lib/article/gate';
import { sendMessage } from '@/lib/messaging';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    // Never throw into the page: whatever fails here is ours to swallow and log.
    try {
      const gate = gatePage(document);
      void sendMessage('reportPage', {
        url: location.href,
        title: document.title,
        isArticle: gate.pass,
        signals: gate.signals,
      }).catch((error: unknown) => console.debug('[newsmark] report failed', error));
    } catch (error) {
      console.debug('[newsmark] content script failed', error);
    }
  },
});
