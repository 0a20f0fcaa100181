/**
 * An article's own controls in the library: its note (edited in place: Ctrl/Cmd+Enter saves,
 * Escape cancels), its tags (added from a box that suggests the reader's tags as the toolbar's
 * does, each removable) and "Remove from library" (the library offers undo). Writes go through
 * `ArticleActions`; the popup uses the tag box too.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ListedArticle } from '@/lib/library/model';
import { NoteEditor } from './HighlightList';
import { t } from './i18n';
import { neighbourControl } from './focus-after-removal';
import { emphasise, type SearchWords } from '@/lib/library/excerpt';
import { Emphasised } from './Emphasised';
import { ArticleNoteConflict, type ConflictActions } from './NoteConflict';
import { TagField } from './TagField';

export interface ArticleActions {
  saveNote(id: string, note: string): Promise<void>;
  setTags(id: string, tags: string[]): Promise<void>;
  /** Removes from the library (a tombstone: highlights and notes are kept for the undo). */
  remove(id: string): Promise<void>;
  undoRemove(id: string): Promise<void>;
  /** Sync conflicts on the article's note, marked and settled in place (absent: none shown). */
  conflicts?: ConflictActions;
}

/** The tags a reader typed into the tag box: commas separate them, a leading "#" is dropped. */
export function typedTags(text: string): string[] {
  return text.split(',').map((tag) => tag.trim().replace(/^#+/, '').trim()).filter(Boolean);
}

const has = (tags: readonly string[], tag: string) => tags.some((x) => x.toLowerCase() === tag.toLowerCase());

/** `tags` and then those of `added` it lacks: a tag typed again, in any case, is not added twice. */
export function withTags(tags: readonly string[], added: readonly string[]): string[] {
  const all = [...tags];
  for (const tag of added) if (!has(all, tag)) all.push(tag);
  return all;
}

interface Props {
  article: ListedArticle;
  actions: ArticleActions;
  run: (work: Promise<unknown>) => Promise<boolean>;
  /** Told once the article is removed, with the control the focus should go to (read before, while the list is whole). */
  onRemove: (next: HTMLElement | null) => void;
}

export function ArticleNoteControl({ article, actions, run, words }: Omit<Props, 'onRemove'> & { words?: SearchWords | null }) {
  const [editing, setEditing] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const closed = useRef(false);
  // Keyboard readers continue from the button that opened the editor, once it is back.
  useEffect(() => {
    if (!editing && closed.current) button.current?.focus();
    closed.current = false;
  }, [editing]);
  const close = () => {
    closed.current = true;
    setEditing(false);
  };
  if (editing) {
    return <NoteEditor initial={article.note} label={t('articleNote')} onSave={(note) => void run(actions.saveNote(article.id, note)).then((ok) => ok && close())} onCancel={close} testId="article-note-input" />;
  }
  return (
    <>
      {article.note && <p class="note" data-testid="library-article-note">{words ? <Emphasised segments={emphasise(article.note, words)} /> : article.note}</p>}
      {actions.conflicts && <ArticleNoteConflict article={article} actions={actions.conflicts} run={run} />}
      <button type="button" ref={button} onClick={() => setEditing(true)} data-testid="edit-article-note">
        {article.note ? t('editArticleNote') : t('addArticleNote')}
      </button>
    </>
  );
}

interface TagProps {
  article: Pick<ListedArticle, 'id' | 'tags' | 'title' | 'url'>;
  actions: Pick<ArticleActions, 'setTags'>;
  run: Props['run'];
  /** The reader's tags, suggested as a word is typed (the toolbar's and the popup's boxes suggest the same). */
  known: readonly string[];
}

export function ArticleTags({ article, actions, run, known }: TagProps) {
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const id = `tags-${article.id}`;
  const add = () => {
    const tags = typedTags(text);
    if (!tags.length) return;
    void run(actions.setTags(article.id, withTags(article.tags, tags))).then((ok) => ok && setText(''));
  };
  const remove = (tag: string, button: HTMLElement) => {
    // The focus goes to the next tag's remove button, else the tag box.
    const item = button.closest('li');
    const next = (item?.nextElementSibling ?? item?.previousElementSibling)?.querySelector<HTMLElement>('button');
    void run(actions.setTags(article.id, article.tags.filter((x) => x !== tag))).then(() => (next?.isConnected ? next : input.current)?.focus());
  };
  return (
    <div class="article-tags">
      {article.tags.length > 0 && (
        <ul class="chips" aria-label={t('tagsOf', article.title || article.url)} data-testid="article-tags">
          {article.tags.map((tag) => (
            <li key={tag} class="tag" data-tag={tag}>
              <span>{`#${tag}`}</span>
              <button type="button" class="remove-tag" aria-label={t('removeTag', tag)} title={t('removeTag', tag)} onClick={(e) => remove(tag, e.currentTarget)} data-testid="remove-tag">
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="tag-form" onSubmit={(e) => (e.preventDefault(), add())}>
        <label for={id}>{t('addTagLabel')}</label>
        <TagField id={id} inputRef={input} value={text} onInput={setText} known={known.filter((tag) => !has(article.tags, tag))} testId="tag-input" />
        <button type="submit" data-testid="add-tag">{t('addTag')}</button>
      </form>
    </div>
  );
}

export function RemoveArticleButton({ article, actions, run, onRemove }: Props) {
  return (
    <button
      type="button"
      class="destructive"
      onClick={(e) => {
        const next = neighbourControl(e.currentTarget.closest('li.entry'), '[data-testid="remove-article"]');
        void run(actions.remove(article.id)).then((ok) => ok && onRemove(next));
      }}
      data-testid="remove-article"
    >
      {t('unsaveArticle')}
    </button>
  );
}
