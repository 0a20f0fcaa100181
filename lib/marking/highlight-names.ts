/**
 * Names under which marks are registered in `CSS.highlights`. The page's own scripts can
 * read that registry (it is shared with the page), so names say only what is painted.
 * Every name here has a `::highlight()` rule in marks.css.
 */
import type { EntityType } from '../contracts/entities';
import type { MarkStyle } from '../settings/settings';

export const ENTITY_TYPES: readonly EntityType[] = ['company', 'money', 'percent', 'number'];

export function highlightName(type: EntityType, style: MarkStyle): string {
  return `newsmark-${style}-${type}`;
}

/** The mark under the keyboard focus: drawn on top of the type's own mark. */
export const FOCUS_HIGHLIGHT = 'newsmark-focus';
