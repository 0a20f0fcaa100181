/**
 * The popup's first reads, sent while the rest of its code is still to be evaluated: main.ts
 * imports this module first, so its answers are on their way before the interface's code runs.
 */
import { readPopupAddress } from '@/lib/messaging/popup-address';
import { currentTab, popupServices, snapshotCopyFor, snapshotRequest, urlFor } from './services';

/**
 * How long the first render waits for the answers before it shows the shell and fills in:
 * the answers come in 10–20 ms from a running worker; a worker that must first wake up and
 * open the database takes far longer, and the reader then sees the shell at once.
 */
const FIRST_RENDER_WAIT_MS = 50;

performance.mark('newsmark:popup-start');
const address = readPopupAddress(location.search);
const tab = currentTab(address);
// The page's URL is asked of the browser once (when the address does not name it), for both.
const url = urlFor(tab);
export const services = popupServices(tab.then(({ id }) => id), snapshotRequest(address), snapshotCopyFor(url), url);
/** The answers for a first render that is complete, or undefined: render the shell. */
export const firstAnswers = services.firstAnswers(FIRST_RENDER_WAIT_MS);
