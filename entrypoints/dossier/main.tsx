/** `dossier.html?company=ID`: one company's dossier; without a company, the companies the library names most. */
import { render } from 'preact';
import { Dossier } from '@/components/Dossier';
import { dossierServices } from '@/components/dossier-services';
import { t } from '@/components/i18n';
import { openDb } from '@/lib/db';
import { companyFromSearch } from '@/lib/dossier/address';
import '@/components/base.css';

document.title = t('dossierIndexTitle');
render(<Dossier services={dossierServices(openDb())} companyId={companyFromSearch(location.search)} />, document.getElementById('app')!);
