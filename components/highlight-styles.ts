/**
 * Styles for the highlight toolbar, editor and undo toast, inside Newsmark's closed shadow
 * roots: the page's CSS cannot reach in, and ours cannot leak out. Swatch colours match the
 * `::highlight(newsmark-hl-*)` rules in lib/marking/marks.css.
 */
export const HIGHLIGHT_UI_CSS = `
.toolbar, .editor, .toast {
  font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color: #1b1d21; background: #fff; border: 1px solid #d5d9e0; border-radius: 8px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18); box-sizing: border-box;
}
.toolbar { display: flex; align-items: center; gap: 4px; padding: 4px; }
.editor { width: 300px; padding: 10px 12px; display: flex; flex-direction: column; gap: 8px; }
.toast { display: flex; align-items: center; gap: 12px; padding: 8px 12px; }
@media (prefers-color-scheme: dark) {
  .toolbar, .editor, .toast { color: #e8eaee; background: #202329; border-color: #3a3f48; }
  button, textarea, input { color: #e8eaee !important; background: #2c3038 !important; border-color: #4a505b !important; }
}
button { font: inherit; font-size: 12px; border: 1px solid #c7ccd5; background: #f4f6f9; color: #1b1d21; border-radius: 5px; padding: 3px 8px; cursor: pointer; }
button:focus-visible, textarea:focus-visible, input:focus-visible { outline: 2px solid #1d5fd1; outline-offset: 1px; }
.swatch { width: 24px; height: 24px; padding: 0; border-radius: 50%; border: 2px solid rgba(0, 0, 0, 0.15); }
.swatch[aria-pressed="true"] { border-color: #1b1d21; }
.swatch.yellow { background: #ffd600 !important; }
.swatch.green { background: #3cc85a !important; }
.swatch.blue { background: #46a0ff !important; }
.swatch.pink { background: #ff64aa !important; }
.swatch.purple { background: #a064f0 !important; }
.colours { display: flex; gap: 6px; }
blockquote { margin: 0; padding-left: 8px; border-left: 3px solid #d5d9e0; font-style: italic; overflow-wrap: anywhere; max-height: 5.6em; overflow: hidden; }
label { display: flex; flex-direction: column; gap: 2px; font-size: 12px; color: inherit; }
textarea, input { font: inherit; font-size: 13px; border: 1px solid #c7ccd5; border-radius: 5px; padding: 4px 6px; resize: vertical; }
.actions { display: flex; gap: 6px; }
.primary { background: #1d5fd1 !important; border-color: #1d5fd1 !important; color: #fff !important; }
.tags { display: flex; flex-direction: column; gap: 2px; font-size: 12px; }
.tag-suggestions { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 2px; }
.tag-suggestions .chip { font-size: 12px; padding: 0 8px; border-radius: 10px; }
`;
