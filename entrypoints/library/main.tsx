import { render } from 'preact';
import { Library } from '@/components/Library';
import { libraryServices } from '@/components/library-services';
import { t } from '@/components/i18n';
import { queryFromSearch, searchWithQuery } from '@/lib/library/url-query';
import { openDb } from '@/lib/db';
import '@/components/base.css';

document.title = t('libraryTitle');

// `library.html?q=...` (a hover card's "coverage of this company") opens with that search;
// the address follows the search box, so a reload or a bookmark keeps it.
const keepAddress = (query: string) => history.replaceState(history.state, '', `${location.pathname}${searchWithQuery(location.search, query)}${location.hash}`);

render(
  <Library services={libraryServices(openDb())} initialQuery={queryFromSearch(location.search)} onQueryChange={keepAddress} />,
  document.getElementById('app')!,
);
