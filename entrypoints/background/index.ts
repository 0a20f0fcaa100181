import { defineBackground } from 'wxt/utils/define-background';
import { handleMessages } from '@/lib/messaging';
import { openDb } from '@/lib/db';
import { pageHandlers } from './handlers/pages';

export default defineBackground(() => {
  const db = openDb();
  handleMessages({
    ...pageHandlers(db),
  });
});
