import { render } from 'preact';
import { Library } from '@/components/Library';
import { libraryServices } from '@/components/library-services';
import { t } from '@/components/i18n';
import { openDb } from '@/lib/db';
import '@/components/base.css';

document.title = t('libraryTitle');

render(<Library services={libraryServices(openDb())} />, document.getElementById('app')!);
