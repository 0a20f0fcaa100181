import { render } from 'preact';
import { Options } from '@/components/Options';
import { optionsServices } from '@/components/options-services';
import { t } from '@/components/i18n';
import '@/components/base.css';

document.title = t('optionsTitle');
render(<Options services={optionsServices()} />, document.getElementById('app')!);
