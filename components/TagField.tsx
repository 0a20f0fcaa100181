/**
 * A tag box that suggests the tags the reader already uses: the known tags starting with the
 * word being typed (after the last comma) show as buttons below it, once a letter is typed; a click or Enter on one
 * completes that word. Plain buttons, so it works the same in a page's shadow root, in both
 * browsers, and by keyboard.
 */
import { t } from './i18n';

/** At most this many suggestions at once. */
const SHOWN = 6;

/**
 * The known tags that complete the last word of `text`, minus those already typed. Nothing while
 * no word is being typed: the chips would stand between the box and Save in the Tab order of
 * every editor opened, the reader who only wants to write a note included.
 */
export function tagSuggestions(text: string, known: readonly string[]): string[] {
  const parts = text.split(',').map((part) => part.trim().replace(/^#+/, ''));
  const typing = parts.pop()!.toLowerCase();
  if (!typing) return [];
  const typed = new Set(parts.map((part) => part.toLowerCase()));
  return known.filter((tag) => tag.toLowerCase().startsWith(typing) && tag.toLowerCase() !== typing && !typed.has(tag.toLowerCase())).slice(0, SHOWN);
}

/** `text` with its last word replaced by `tag`, ready for the next one. */
export function completeTag(text: string, tag: string): string {
  const parts = text.split(',');
  parts[parts.length - 1] = parts.length > 1 ? ` ${tag}` : tag;
  return `${parts.join(',')}, `;
}

interface Props {
  id: string;
  value: string;
  onInput: (value: string) => void;
  known: readonly string[];
  placeholder?: string;
  inputRef?: preact.Ref<HTMLInputElement>;
  testId?: string;
}

export function TagField({ id, value, onInput, known, placeholder, inputRef, testId = 'tag-field' }: Props) {
  const suggestions = tagSuggestions(value, known);
  return (
    <>
      <input id={id} ref={inputRef} type="text" value={value} placeholder={placeholder} autoComplete="off" onInput={(e) => onInput(e.currentTarget.value)} data-testid={testId} />
      {suggestions.length > 0 && (
        <div class="tag-suggestions" role="group" aria-label={t('tagSuggestions')} data-testid="tag-suggestions">
          {suggestions.map((tag) => (
            <button
              type="button"
              key={tag}
              class="chip"
              onClick={(e) => {
                onInput(completeTag(value, tag));
                // Back to the box for the next tag.
                (e.currentTarget.closest('.tag-suggestions')?.previousElementSibling as HTMLElement | null)?.focus();
              }}
            >
              {`#${tag}`}
            </button>
          ))}
        </div>
      )}
    </>
  );
}
