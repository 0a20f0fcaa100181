/**
 * The text pass: walks the body's live root and writes its prose into a TextMap, leaving out
 * what the benchmark ground truth leaves out — furniture inside the body (share bars, related
 * rails, newsletter boxes, ads, captions and credits), the headline, bylines and datelines,
 * and blocks made mostly of links.
 */
import { BLOCK_TAGS, HEADING_TAGS, isHidden, isNamedFurniture, visibleLength } from './dom';
import { ELEMENTS_PER_STEP, FURNITURE_TAGS, MAX_ELEMENTS_WALKED, OPAQUE_TAGS, type ContentAnalysis } from './content';
import { TextMapBuilder, type TextMap } from './text-map';
import { PRINTED_DATE } from './page-kind';

/** Share of link text above which a block's own text is navigation. */
const MAX_LINK_DENSITY = 0.5;
/** A furniture element inside the body is kept when it holds at least this share of the body's prose. */
const KEEP_FURNITURE_SHARE = 0.5;
/** Short blocks that only name the author or the time of publication, or say how to reach the author ("Contact reporter Dave Yin"). */
const BYLINE_OR_DATELINE = /^(?:(?:by|von|par|por|di|door|av|af)\s|(?:published|updated|posted|last updated|modified)\b|\d{1,2}[:.]\d{2}\s*(?:am|pm)?\b|(?:contact|e-?mail|write to|follow)\s+(?:the\s+)?(?:reporter|author|writer|editor|journalist)s?\b)/i;
const MAX_BYLINE_CHARS = 120;
/** Longest block read as a date line ("Tuesday, October 12, 2017, 09:30 CET"). */
const MAX_DATE_LINE_CHARS = 60;
/** Letters a date line may hold beside its date: a weekday, a time zone, "updated". */
const MAX_LETTERS_BESIDE_DATE = 12;
const LETTER = /\p{L}/gu;
const CLOCK = /\d\d?[:.]\d\d(?:\s*[ap]\.?m\.?)?/giu;

/** Characters of text beside a heading, outside links, from which what it titles is something to read. */
const MIN_TEXT_TITLED = 40;
/** Longest heading read as a box's title: a longer one is a sentence (a standfirst set as a heading), kept. */
const MAX_BOX_TITLE = 50;

/**
 * Whether a heading titles a box with nothing to read: the nearest element around it holding
 * more than it holds only links besides ("Story Tools" over share links, "Browse Issues" over
 * an archive link, "More on this story" over headlines), so the heading would stand alone in the
 * text once its links are left out. A section's heading has the section's prose beside it.
 */
function titlesNothingToRead(heading: Element, root: Element): boolean {
  if (visibleLength(heading.textContent ?? '') > MAX_BOX_TITLE) return false;
  let box = heading;
  while (box !== root && box.parentElement && isWrapperOf(box.parentElement, box)) box = box.parentElement;
  if (box === root || !box.parentElement) return false;
  return !readableTextIn(box.parentElement, box, MIN_TEXT_TITLED);
}

/** Whether `parent` holds nothing but `child` (and white space). */
function isWrapperOf(parent: Element, child: Element): boolean {
  for (const node of parent.childNodes) {
    if (node === child) continue;
    if (node.nodeType === 1 || (node.nodeType === 3 && visibleLength((node as Text).data) > 0)) return false;
  }
  return true;
}

/** Whether `el` holds at least `min` characters of text outside links, scripts and `except`. */
function readableTextIn(el: Element, except: Element, min: number): boolean {
  let found = 0;
  const visit = (node: Node): boolean => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        found += visibleLength((child as Text).data);
        if (found >= min) return true;
      } else if (child.nodeType === 1 && child !== except) {
        const tag = (child as Element).localName;
        if (tag !== 'a' && !OPAQUE_TAGS.has(tag) && visit(child)) return true;
      }
    }
    return false;
  };
  return visit(el);
}

/** Whether a short block is a date and little else: a dateline, not a sentence that names a date. */
function isDateLine(text: string): boolean {
  if (text.length > MAX_DATE_LINE_CHARS) return false;
  const date = PRINTED_DATE.exec(text);
  if (!date) return false;
  const rest = (text.slice(0, date.index) + text.slice(date.index + date[0].length)).replace(CLOCK, '');
  return (rest.match(LETTER)?.length ?? 0) <= MAX_LETTERS_BESIDE_DATE;
}

/**
 * Writes the article text under `root` into a TextMap whose segments point at the live text
 * nodes; pauses every few hundred elements (see analyzeContentSteps). `isBodyText` says which
 * furniture holds text of the body anyway (the page's declared body, see ld-body.ts).
 */
export function* extractBodyTextSteps(root: Element, analysis: ContentAnalysis, isBodyText?: (el: Element) => boolean): Generator<void, TextMap> {
  const builder = new TextMapBuilder();
  const minKept = analysis.proseChars * KEEP_FURNITURE_SHARE;

  const skip = (el: Element): boolean => {
    const tag = el.localName;
    if (OPAQUE_TAGS.has(tag) || tag === 'h1' || isHidden(el)) return true;
    if (HEADING_TAGS.has(tag) && titlesNothingToRead(el, root)) return true;
    if (FURNITURE_TAGS.has(tag) || isNamedFurniture(el) || analysis.furnitureProse.has(el)) {
      // Furniture by its name is kept when it holds much of the body, or text the page declares as its body.
      return (analysis.furnitureProse.get(el) ?? 0) < minKept && !isBodyText?.(el);
    }
    return false;
  };

  // A date alone on its line heads a story (its dateline) until the first paragraph; further down,
  // dates alone on their lines head a changelog's or a diary's entries, which detection counts.
  let proseSeen = false;
  /** Whether a block's own text is links, a byline or a dateline rather than prose. */
  const muteBlock = (el: Element): boolean => {
    const stats = analysis.fragments.get(el);
    if (!stats) return false;
    if (stats.linkChars > stats.chars * MAX_LINK_DENSITY) return true;
    if (stats.chars > MAX_BYLINE_CHARS) {
      proseSeen = true;
      return false;
    }
    const text = (el.textContent ?? '').trim();
    return BYLINE_OR_DATELINE.test(text) || (!proseSeen && isDateLine(text));
  };

  // An explicit stack rather than recursion, so that the walk can pause anywhere.
  // A body split into containers of one kind is read part by part, skipping what stands between.
  // The standfirst above the root comes first, as the reader reads it.
  const roots = [...(root === analysis.root ? analysis.standfirst : []), ...(analysis.parts?.includes(root) ? analysis.parts : [root])];
  const stack: Array<{ next: ChildNode | null; muted: boolean; block: boolean }> = roots.map((part) => ({ next: part.firstChild, muted: muteBlock(part), block: true })).reverse();
  let walked = 0;
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    const child = frame.next;
    if (!child) {
      stack.pop();
      if (frame.block) builder.blockBreak();
      continue;
    }
    frame.next = child.nextSibling;
    if (child.nodeType === 3) {
      if (!frame.muted) builder.appendText(child as Text);
      continue;
    }
    if (child.nodeType !== 1 || skip(child as Element)) continue;
    const element = child as Element;
    const tag = element.localName;
    if (tag === 'br') {
      builder.lineBreak();
      continue;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) builder.blockBreak();
    stack.push({ next: element.firstChild, muted: block ? muteBlock(element) : frame.muted, block });
    if (++walked % ELEMENTS_PER_STEP === 0) {
      if (walked >= MAX_ELEMENTS_WALKED) break;
      yield;
    }
  }
  return builder.build();
}
