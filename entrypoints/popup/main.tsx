import { render } from 'preact';
import { Popup } from '@/components/Popup';
import { openDb } from '@/lib/db';
import { currentTarget, popupServices } from './services';
import '@/components/base.css';

performance.mark('newsmark:popup-start');
const db = openDb();
currentTarget(location.search).then((target) => render(<Popup services={popupServices(db, target)} />, document.getElementById('app')!));
