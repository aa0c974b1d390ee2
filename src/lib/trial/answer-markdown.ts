/**
 * A model's answer as HTML. The answer is untrusted text: micromark's safe defaults escape every raw
 * HTML tag (so `<script>` and `<img onerror>` show as text) and empty `javascript:`, `data:` and
 * other dangerous link protocols. Markdown images become links, as in descriptions: a live `<img>`
 * would let an answer make the browser fetch any URL, carrying prompt content, without a click.
 * Links open in a new tab without passing on this page.
 */
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { imagesAsLinks, type ResolvedLink } from '../format/markdown.ts';

/** Only absolute http(s) images become links; a relative source would point into this site. */
function imageLink(src: string): ResolvedLink | null {
  try {
    const url = new URL(src);
    return url.protocol === 'https:' || url.protocol === 'http:' ? { href: url.href, external: true } : null;
  } catch {
    return null;
  }
}

export function answerHtml(markdown: string): string {
  const html = micromark(markdown, {
    allowDangerousHtml: false,
    allowDangerousProtocol: false,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
  const links = html.replace(/<a href=/g, '<a rel="nofollow noopener noreferrer" target="_blank" href=');
  return imagesAsLinks(links, imageLink);
}
