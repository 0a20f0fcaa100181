import { render } from 'preact';
import { Popup } from '@/components/Popup';
import { currentTabId, namedUrl, popupServices } from './services';
import '@/components/base.css';

performance.mark('newsmark:popup-start');
// The shell renders at once; each section fills in as its answer arrives.
render(<Popup services={popupServices(currentTabId(location.search), namedUrl(location.search))} />, document.getElementById('app')!);
