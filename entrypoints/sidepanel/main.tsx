import { render } from 'preact';
import { Library } from '@/components/Library';
import { libraryServices } from '@/components/library-services';
import { t } from '@/components/i18n';
import { openDb } from '@/lib/db';
import '@/components/base.css';

document.title = t('libraryTitle');

// The side panel (Chrome) / sidebar (Firefox) is narrow: the library without export and import.
render(<Library services={libraryServices(openDb())} compact />, document.getElementById('app')!);
