/** `dossier.html?company=ID`: one company's dossier; without a company, the companies the library names most. */
import { render } from 'preact';
import { Dossier } from '@/components/Dossier';
import { dossierServices } from '@/components/dossier-services';
import { t } from '@/components/i18n';
import { openDb } from '@/lib/db';
import { companyFromSearch } from '@/lib/dossier/address';
import { currentCompanyId } from '@/lib/entities/company-ids';
import '@/components/base.css';

document.title = t('dossierIndexTitle');
// An address kept from before a gazetteer update may name the company by an earlier id.
const named = companyFromSearch(location.search);
render(<Dossier services={dossierServices(openDb())} companyId={named === null ? null : currentCompanyId(named)} />, document.getElementById('app')!);
