/**
 * The reader's note on a company, on its dossier: a text box saved with a button. What the
 * reader types is kept while the note changes elsewhere (another tab, sync); a saved note that
 * changes while nothing is typed shows at once.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from './i18n';

type Saving = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'failed'; message: string };

export function CompanyNote({ companyName, saved, save }: { companyName: string; saved: string; save: (note: string) => Promise<void> }) {
  const [draft, setDraft] = useState(saved);
  const [edited, setEdited] = useState(false);
  const [saving, setSaving] = useState<Saving>({ state: 'idle' });
  // Read in the effect without re-running it: only a new saved note replaces what is shown.
  const editing = useRef(false);
  editing.current = edited;
  useEffect(() => {
    if (!editing.current) setDraft(saved);
  }, [saved]);
  const submit = async (event: Event) => {
    event.preventDefault();
    setSaving({ state: 'saving' });
    try {
      await save(draft);
      setEdited(false);
      setSaving({ state: 'saved' });
    } catch (e) {
      setSaving({ state: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <form class="company-note" data-testid="company-note" onSubmit={submit}>
      <h2><label for="company-note-text">{t('dossierNoteLabel', companyName)}</label></h2>
      <textarea
        id="company-note-text"
        rows={4}
        value={draft}
        placeholder={t('dossierNotePlaceholder')}
        onInput={(e) => {
          setDraft(e.currentTarget.value);
          setEdited(true);
          setSaving({ state: 'idle' });
        }}
      />
      <div class="actions">
        <button type="submit" disabled={!edited || saving.state === 'saving'}>{t('dossierNoteSave')}</button>
        <span role="status" class={saving.state === 'failed' ? 'error' : 'muted'}>
          {saving.state === 'saved' ? t('dossierNoteSaved') : saving.state === 'failed' ? t('dossierNoteFailed', saving.message) : ''}
        </span>
      </div>
    </form>
  );
}
