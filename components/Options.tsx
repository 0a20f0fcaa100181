/**
 * The options page: the sites Newsmark reads, what is marked and how, where Newsmark is off, the reader's currency,
 * related-coverage sources (with what each remote one receives) and sync. Each section saves
 * on its own and says so.
 */
import { MarkingOptions, type MarkingStore } from './MarkingOptions';
import { RelatedOptions, type RelatedStore } from './RelatedOptions';
import { SyncOptions, type SyncStore } from './SyncOptions';
import { SitesOptions, type SitesStore } from './SitesOptions';
import { t } from './i18n';

export interface OptionsServices {
  sites: SitesStore;
  marking: MarkingStore;
  related: RelatedStore;
  sync: SyncStore;
}

export function Options({ services }: { services: OptionsServices }) {
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <p>{t('optionsIntro')}</p>
      <SitesOptions store={services.sites} />
      <MarkingOptions store={services.marking} />
      <RelatedOptions store={services.related} />
      <SyncOptions store={services.sync} />
    </main>
  );
}
