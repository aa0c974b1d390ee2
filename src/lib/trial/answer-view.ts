/**
 * How a streaming answer is shown without freezing the tab. Re-parsing the whole answer as markdown
 * on every chunk costs O(n) per chunk (a 148k-character answer took 0.84 s per render, and a 5.5 MB
 * event minutes), so the answer is cut into blocks at blank lines: a finished block never changes and
 * is rendered once, and only the growing last block is parsed again. Past a size cap the rest is
 * plain text, and past a larger one it is not put in the page at all (it can still be copied).
 *
 * Blocks split at a blank line followed by an unindented line outside a code fence, so fenced code
 * and a list item's indented continuation stay whole. Markdown that spans such a blank line (a loose
 * list, a reference-style link defined further down) renders as neighbouring pieces: the same text,
 * slightly different spacing.
 */

/** Markdown is parsed for the first this many characters; the rest shows as plain text. */
export const MARKDOWN_CAP = 100_000;
/** A finished block longer than this shows as plain text: parsing it would take a noticeable pause. */
export const BLOCK_CAP = 8_000;
/** The growing last block is parsed at most once a frame, and only while it is this short. */
export const LIVE_TAIL_CAP = 4_000;
/** Plain text beyond this many characters is left out of the page (layout alone would stall it). */
export const DISPLAY_CAP = 200_000;

export interface AnswerPart {
  kind: 'markdown' | 'plain';
  /** Offset of the part in the answer: stable while the answer grows, so a good render key. */
  start: number;
  text: string;
}

export interface AnswerView {
  parts: AnswerPart[];
  /** Characters not shown (beyond DISPLAY_CAP). */
  hiddenCharacters: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Start offsets of the blocks in `text` (the first is always 0). */
export function blockStarts(text: string): number[] {
  const starts = [0];
  let fence: string | null = null;
  let previousBlank = false;
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const blank = line.trim() === '';
    if (fence === null && previousBlank && !blank && !/^[ \t]/.test(line) && lineStart > 0) starts.push(lineStart);
    const opener = FENCE.exec(line)?.[1];
    if (opener !== undefined) {
      if (fence === null) fence = opener;
      else if (opener[0] === fence[0] && opener.length >= fence.length && line.trim() === opener) fence = null;
    }
    previousBlank = blank;
    lineStart = lineEnd + 1;
  }
  return starts;
}

/**
 * The parts to render for `content`. While `streaming`, the unfinished last block is markdown only
 * when short; once the answer has ended it is treated like any finished block.
 */
export function answerView(content: string, streaming: boolean): AnswerView {
  const parts: AnswerPart[] = [];
  const head = content.slice(0, MARKDOWN_CAP);
  const starts = blockStarts(head);
  // A block cut by the cap is not whole: it joins the plain remainder.
  const wholeBlocks = content.length > MARKDOWN_CAP ? starts.length - 1 : starts.length;
  let plainFrom = content.length;
  for (let i = 0; i < wholeBlocks; i += 1) {
    const start = starts[i] as number;
    const end = i + 1 < starts.length ? (starts[i + 1] as number) : content.length;
    const last = end === content.length;
    const cap = last && streaming ? LIVE_TAIL_CAP : BLOCK_CAP;
    const text = content.slice(start, end);
    parts.push({ kind: text.length <= cap ? 'markdown' : 'plain', start, text });
  }
  if (wholeBlocks < starts.length) plainFrom = starts[wholeBlocks] as number;
  if (plainFrom < content.length) parts.push({ kind: 'plain', start: plainFrom, text: content.slice(plainFrom, DISPLAY_CAP) });
  return { parts: parts.filter((p) => p.text !== ''), hiddenCharacters: Math.max(0, content.length - DISPLAY_CAP) };
}

/** Plain text for the page: at most DISPLAY_CAP characters, and how many were left out. */
export function displayText(text: string): { text: string; hiddenCharacters: number } {
  return { text: text.slice(0, DISPLAY_CAP), hiddenCharacters: Math.max(0, text.length - DISPLAY_CAP) };
}
