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
  it('offers five colours and "add note", reporting which was chosen', () => {
    const onColour = vi.fn();
    const onNote = vi.fn();
    const root = show(<HighlightToolbar onColour={onColour} onNote={onNote} />);
    const buttons = [...root.querySelectorAll('button')];
    expect(buttons).toHaveLength(6);
    act(() => buttons[2]!.click());
    act(() => buttons[5]!.click());
    expect(onColour).toHaveBeenCalledWith('blue');
    expect(onNote).toHaveBeenCalledOnce();
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
});
