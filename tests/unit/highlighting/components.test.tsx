import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { HighlightEditor, parseTags } from '@/components/HighlightEditor';
import { HighlightToolbar } from '@/components/HighlightToolbar';
import { UndoToast } from '@/components/UndoToast';

const MARKUP = '<img src=x onerror="alert(1)"><b>bold</b> & <script>x()</script>';
let mount: HTMLElement;

beforeEach(() => {
  // UI strings as their keys: the tests look at structure and behaviour, not wording.
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) => key) as never);
});

function show(ui: preact.VNode): HTMLElement {
  mount = document.createElement('div');
  document.body.append(mount);
  act(() => render(ui, mount));
  return mount;
}
afterEach(() => {
  vi.restoreAllMocks();
  render(null, mount);
  mount.remove();
});

describe('HighlightToolbar', () => {
  it('offers five colours, "add note" and "tag", reporting which was chosen', () => {
    const onColour = vi.fn();
    const onNote = vi.fn();
    const onTag = vi.fn();
    const root = show(<HighlightToolbar onColour={onColour} onNote={onNote} onTag={onTag} />);
    const buttons = [...root.querySelectorAll('button')];
    expect(buttons).toHaveLength(7);
    act(() => buttons[2]!.click());
    act(() => buttons[5]!.click());
    act(() => buttons[6]!.click());
    expect(onColour).toHaveBeenCalledWith('blue');
    expect(onNote).toHaveBeenCalledOnce();
    expect(onTag).toHaveBeenCalledOnce();
  });
});

describe('HighlightEditor', () => {
  const value = { colour: 'pink' as const, note: MARKUP, tags: ['a', 'b'], quote: `quoted ${MARKUP}` };

  it('shows notes and quotes with markup as text, never as elements', () => {
    const root = show(<HighlightEditor value={value} onColour={vi.fn()} onSave={vi.fn()} onDelete={vi.fn()} onClose={vi.fn()} />);
    expect(root.querySelector('textarea')!.value).toBe(MARKUP);
    expect(root.querySelector('blockquote')!.textContent).toBe(`quoted ${MARKUP}`);
    expect(root.querySelectorAll('img, b, script')).toHaveLength(0);
    expect(root.querySelector('[aria-pressed="true"]')!.className).toContain('pink');
  });

  it('saves the edited note and tags, changes colour at once, deletes', () => {
    const onSave = vi.fn();
    const onColour = vi.fn();
    const onDelete = vi.fn();
    const root = show(<HighlightEditor value={value} onColour={onColour} onSave={onSave} onDelete={onDelete} onClose={vi.fn()} />);
    const note = root.querySelector('textarea')!;
    const tags = root.querySelector('input')!;
    act(() => {
      note.value = 'plain <i>note</i>';
      note.dispatchEvent(new Event('input', { bubbles: true }));
      tags.value = 'markets, Huawei ,, ai';
      tags.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const [save, remove] = [...root.querySelectorAll('.actions button')] as HTMLButtonElement[];
    act(() => save!.click());
    expect(onSave).toHaveBeenCalledWith({ note: 'plain <i>note</i>', tags: ['markets', 'Huawei', 'ai'] });
    act(() => (root.querySelector('.swatch.green') as HTMLButtonElement).click());
    expect(onColour).toHaveBeenCalledWith('green');
    act(() => remove!.click());
    expect(onDelete).toHaveBeenCalledOnce();
  });

  it('opened to tag, starts in the tag box and suggests the tags the reader uses as they type', () => {
    const onSave = vi.fn();
    const root = show(<HighlightEditor value={{ ...value, tags: [] }} knownTags={['ai', 'Maritime', 'markets']} focusTags onColour={vi.fn()} onSave={onSave} onDelete={vi.fn()} onClose={vi.fn()} />);
    const box = root.querySelector<HTMLInputElement>('[data-testid="tag-field"]')!;
    expect(document.activeElement).toBe(box);
    const suggested = () => [...root.querySelectorAll('[data-testid="tag-suggestions"] button')].map((b) => b.textContent);
    act(() => {
      box.value = 'MA';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(suggested()).toEqual(['#Maritime', '#markets']);
    act(() => (root.querySelector('[data-testid="tag-suggestions"] button:last-child') as HTMLButtonElement).click());
    expect(box.value).toBe('markets, ');
    expect(document.activeElement).toBe(box);
    // Nothing is offered until the next word is begun (the Tab order from the box to Save stays
    // short), and a tag already typed is not offered again.
    expect(suggested()).toEqual([]);
    act(() => {
      box.value = 'markets, m';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(suggested()).toEqual(['#Maritime']);
    act(() => {
      box.value = 'markets, ';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => (root.querySelector('.actions button') as HTMLButtonElement).click());
    expect(onSave).toHaveBeenCalledWith({ note: MARKUP, tags: ['markets'] });
  });

  it('parses comma-separated tags', () => {
    expect(parseTags(' x, y ,,z ')).toEqual(['x', 'y', 'z']);
    expect(parseTags('')).toEqual([]);
  });
});

describe('UndoToast', () => {
  it('offers "Undo" and can take the keyboard focus', () => {
    const onUndo = vi.fn();
    const root = show(<UndoToast message="Highlight deleted" onUndo={onUndo} takeFocus />);
    const button = root.querySelector('button')!;
    expect(document.activeElement).toBe(button);
    act(() => button.click());
    expect(onUndo).toHaveBeenCalledOnce();
  });

  it('has the focus as soon as it is rendered, before any frame: the Enter pressed next must undo', () => {
    mount = document.createElement('div');
    document.body.append(mount);
    // No act(): effects that wait for the next frame have not run when render returns.
    render(<UndoToast message="Highlight deleted" onUndo={() => undefined} takeFocus />, mount);
    expect(document.activeElement).toBe(mount.querySelector('button'));
  });
});
