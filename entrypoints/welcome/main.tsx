import { render } from 'preact';
import { Welcome } from '@/components/Welcome';
import { welcomeServices } from '@/components/welcome-services';
import { t } from '@/components/i18n';
import '@/components/base.css';

document.title = t('welcomeTitle');
render(<Welcome services={welcomeServices()} />, document.getElementById('app')!);
