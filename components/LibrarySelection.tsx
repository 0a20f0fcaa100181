/**
 * Several articles at once in the library: each entry has a "Select" box; while any is
 * selected, a bar above the list says how many and acts on them all: tags added to each (the
 * same box, with the same suggestions, as one article's), or all removed from the library in
 * one removal the library's Undo brings back whole. "Select all shown" takes the entries listed.
 */
import { useState } from 'preact/hooks';
import type { ListedArticle } from '@/lib/library/model';
import { typedTags, withTags, type ArticleActions } from './ArticleControls';
import { TagField } from './TagField';
import { t, tCount } from './i18n';

interface Props {
  /** The selected articles still listed, in list order. */
  selected: readonly ListedArticle[];
  /** The articles listed now (what "Select all shown" takes). */
  shown: readonly ListedArticle[];
  onSelect: (ids: readonly string[]) => void;
  actions: Pick<ArticleActions, 'setTags' | 'remove'>;
  run: (work: Promise<unknown>) => Promise<boolean>;
  known: readonly string[];
  /** Told once the selected articles are removed (the library offers one Undo for all). */
  onRemoved: (articles: readonly ListedArticle[]) => void;
}

export function SelectionBar({ selected, shown, onSelect, actions, run, known, onRemoved }: Props) {
  const [text, setText] = useState('');
  const allShown = shown.length > 0 && shown.every((a) => selected.some((s) => s.id === a.id));
  const tag = () => {
    const tags = typedTags(text);
    if (!tags.length) return;
    void run(Promise.all(selected.map((a) => actions.setTags(a.id, withTags(a.tags, tags))))).then((ok) => ok && setText(''));
  };
  const remove = () => {
    const gone = [...selected];
    void run(Promise.all(gone.map((a) => actions.remove(a.id)))).then((ok) => {
      if (!ok) return;
      onSelect([]);
      onRemoved(gone);
    });
  };
  return (
    <div class="selection-bar" data-testid="selection-bar">
      {shown.length > 1 && !allShown && (
        <button type="button" onClick={() => onSelect(shown.map((a) => a.id))} data-testid="select-all">{t('selectAllShown')}</button>
      )}
      {selected.length > 0 && (
        <div class="selection-actions" role="group" aria-labelledby="selection-count">
          <p id="selection-count" role="status" data-testid="selection-count">{tCount('selectedCount', selected.length)}</p>
          <form class="tag-form" onSubmit={(e) => (e.preventDefault(), tag())}>
            <label for="selection-tags">{t('tagSelectedLabel')}</label>
            <TagField id="selection-tags" value={text} onInput={setText} known={known} testId="selection-tags" />
            <button type="submit" data-testid="tag-selected">{t('addTag')}</button>
          </form>
          <button type="button" class="destructive" onClick={remove} data-testid="remove-selected">{t('removeSelected')}</button>
          <button type="button" onClick={() => onSelect([])} data-testid="clear-selection">{t('clearSelection')}</button>
        </div>
      )}
    </div>
  );
}

/** An entry's "Select" box, labelled with the article's title for those who hear it. */
export function SelectBox({ article, checked, onChange }: { article: ListedArticle; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label class="select-entry">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} aria-label={t('selectArticle', article.title || article.url)} data-testid="select-article" />
      <span aria-hidden="true">{t('select')}</span>
    </label>
  );
}
