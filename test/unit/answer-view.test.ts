import { describe, expect, it } from 'vitest';
import { answerView, blockStarts, BLOCK_CAP, DISPLAY_CAP, LIVE_TAIL_CAP, MARKDOWN_CAP } from '../../src/lib/trial/answer-view.ts';

describe('answer view: blocks rendered once, plain text past the caps', () => {
  it('cuts at blank lines, but never inside a code fence or before an indented continuation', () => {
    const text = 'Intro.\n\n```js\nconst a = 1;\n\nconst b = 2;\n```\n\n1. Step\n\n   still step one\n\n## Next\n';
    const starts = blockStarts(text);
    expect(starts.map((s, i) => text.slice(s, starts[i + 1]))).toEqual([
      'Intro.\n\n',
      '```js\nconst a = 1;\n\nconst b = 2;\n```\n\n',
      '1. Step\n\n   still step one\n\n',
      '## Next\n',
    ]);
  });

  it('keeps a finished block the same object text while the answer grows, so it is parsed once', () => {
    const first = answerView('Para one.\n\nPara tw', true);
    const later = answerView('Para one.\n\nPara two is longer now.\n\nThree', true);
    expect(first.parts[0]).toEqual({ kind: 'markdown', start: 0, text: 'Para one.\n\n' });
    expect(later.parts[0]).toEqual(first.parts[0]);
    expect(later.parts.map((p) => p.start)).toEqual([0, 11, 36]);
  });

  it('shows a long growing last block as plain text until the answer ends, then as markdown', () => {
    const tail = `**bold** ${'word '.repeat(LIVE_TAIL_CAP / 5)}`;
    expect(answerView(tail, true).parts).toEqual([{ kind: 'plain', start: 0, text: tail }]);
    expect(answerView(tail, false).parts[0]?.kind).toBe('markdown');
    const huge = 'x'.repeat(BLOCK_CAP + 1);
    expect(answerView(huge, false).parts[0]?.kind).toBe('plain');
  });

  it('falls back to plain text past the markdown cap and leaves out what is past the display cap', () => {
    const paragraph = `${'y'.repeat(999)}\n\n`; // 1,001 characters per block
    const content = paragraph.repeat(300); // 300,300 characters
    const view = answerView(content, true);
    const markdown = view.parts.filter((p) => p.kind === 'markdown');
    const plain = view.parts.filter((p) => p.kind === 'plain');
    // Whole blocks below the cap are markdown; the block cut by the cap starts the plain remainder.
    expect(markdown).toHaveLength(Math.floor(MARKDOWN_CAP / 1001));
    expect(plain).toHaveLength(1);
    expect(plain[0]?.start).toBe(Math.floor(MARKDOWN_CAP / 1001) * 1001);
    expect((plain[0]?.start ?? 0) + (plain[0]?.text.length ?? 0)).toBe(DISPLAY_CAP);
    expect(view.hiddenCharacters).toBe(content.length - DISPLAY_CAP);
  });

  it('turns a single 5.5 MB answer into bounded plain text', () => {
    const content = 'z'.repeat(5_500_000);
    const view = answerView(content, true);
    expect(view.parts).toEqual([{ kind: 'plain', start: 0, text: content.slice(0, DISPLAY_CAP) }]);
    expect(view.hiddenCharacters).toBe(5_300_000);
  });
});
