/**
 * A model's answer as HTML. The answer is untrusted text: micromark's safe defaults escape every raw
 * HTML tag (so `<script>` and `<img onerror>` show as text) and empty `javascript:`, `data:` and
 * other dangerous link protocols. Links open in a new tab without passing on this page.
 */
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

export function answerHtml(markdown: string): string {
  const html = micromark(markdown, {
    allowDangerousHtml: false,
    allowDangerousProtocol: false,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
  return html.replace(/<a href=/g, '<a rel="nofollow noopener noreferrer" target="_blank" href=');
}
