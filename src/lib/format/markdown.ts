/**
 * Model descriptions come from upstream as markdown written by model authors, so they are untrusted.
 * micromark with its safe defaults escapes all raw HTML and empties `javascript:`/`data:` URLs; this
 * module then rewrites the links it emitted: OpenRouter writes site-relative links ("/models/x/y",
 * "/x/y", even "/modelsx/y") that would be broken here, so they point at our own card when the
 * catalog has that model and at openrouter.ai otherwise.
 */
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

export const OPENROUTER_ORIGIN = 'https://openrouter.ai';

/** Answers "do we have a page for this?" so that links can stay on this site. */
export interface LinkTargets {
  /** Our path for an OpenRouter model id ("mistralai/mixtral-8x7b-instruct"), if the catalog has it. */
  modelPath(id: string): string | undefined;
  /** Our path for an author ("mistralai"), if the catalog has models by it. */
  authorPath(author: string): string | undefined;
}

export interface ResolvedLink {
  href: string;
  external: boolean;
}

/** Reads an upstream path ("/models/a/b", "/modelsa/b", "/a/b") as the id or author it names. */
function upstreamPathTarget(pathname: string): string {
  let rest = pathname.replace(/^\/+/, '');
  if (rest.startsWith('models/')) rest = rest.slice('models/'.length);
  else if (rest.startsWith('models') && rest.length > 'models'.length) rest = rest.slice('models'.length);
  return rest.replace(/\/+$/, '');
}

function resolveUpstreamPath(pathname: string, suffix: string, targets: LinkTargets): ResolvedLink {
  const target = upstreamPathTarget(pathname);
  const decoded = safeDecode(target);
  const ours = decoded.includes('/') ? targets.modelPath(decoded) : decoded ? targets.authorPath(decoded) : undefined;
  if (ours !== undefined && suffix === '') return { href: ours, external: false };
  // "/models?q=…" is OpenRouter's search page; keep it whole rather than strip "models".
  const upstreamPath = target === '' ? pathname : `/${target}`;
  return { href: `${OPENROUTER_ORIGIN}${upstreamPath}${suffix}`, external: true };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Where a link from an upstream description should point. Returns null for links micromark already
 * emptied (unsafe protocols), which are then rendered as plain text.
 */
export function resolveDescriptionLink(href: string, targets: LinkTargets): ResolvedLink | null {
  if (href === '') return null;
  if (href.startsWith('#')) return { href, external: false };
  if (href.startsWith('/') && !href.startsWith('//')) {
    const split = href.search(/[?#]/);
    const pathname = split === -1 ? href : href.slice(0, split);
    const suffix = split === -1 ? '' : href.slice(split);
    return resolveUpstreamPath(pathname, suffix, targets);
  }
  let url: URL;
  try {
    url = new URL(href, OPENROUTER_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin === OPENROUTER_ORIGIN && url.search === '' && url.hash === '') {
    const target = safeDecode(upstreamPathTarget(url.pathname));
    const ours = target.includes('/') ? targets.modelPath(target) : undefined;
    if (ours !== undefined) return { href: ours, external: false };
  }
  if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) return null;
  return { href, external: true };
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&lt;': '<', '&gt;': '>', '&#x27;': "'", '&#39;': "'" };

function unescapeAttribute(value: string): string {
  return value.replace(/&(amp|quot|lt|gt|#x27|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Turns micromark's `<img>` elements into links to the image, so that untrusted markdown never makes
 * the browser fetch a URL by itself (a third-party server learns who looked, and a model's answer
 * could carry prompt text in the URL). `resolve` gets the unescaped source and returns where the
 * link goes, or null to show the alt text only (unsafe or relative sources).
 */
export function imagesAsLinks(html: string, resolve: (src: string) => ResolvedLink | null): string {
  // micromark escapes raw HTML in its input, so every "<img " is its own, in exactly this form.
  return html.replace(/<img src="([^"]*)" alt="([^"]*)"(?: title="[^"]*")? \/>/g, (_all, rawSrc: string, alt: string) => {
    const label = alt === '' ? 'image' : alt;
    const resolved = rawSrc === '' ? null : resolve(unescapeAttribute(rawSrc));
    if (resolved === null || !resolved.external) return `<span class="inert-link">${label}</span>`;
    return `<a href="${escapeAttribute(resolved.href)}" rel="noopener noreferrer nofollow" target="_blank">${label} (image)</a>`;
  });
}

/**
 * Renders an upstream description to HTML that is safe to insert as is. Headings are moved down two
 * levels so that a description's "# Title" never competes with the card's own h1 and h2. Images
 * become links: a third-party image would load from the author's server on every card view.
 */
export function renderDescription(markdown: string, targets: LinkTargets): string {
  const html = micromark(markdown, {
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
    allowDangerousHtml: false,
    allowDangerousProtocol: false,
  });
  const linked = html
    // micromark writes every link as <a href="…"> or <a href="…" title="…">; raw HTML in the input
    // was escaped, so every "<a " and "<img " here is micromark's own and has this exact form.
    .replace(/<a href="([^"]*)"((?: [a-z-]+="[^"]*")*)>([\s\S]*?)<\/a>/g, (_all, rawHref: string, rest: string, inner: string) => {
      const resolved = resolveDescriptionLink(unescapeAttribute(rawHref), targets);
      if (resolved === null) return `<span class="inert-link">${inner}</span>`;
      const attributes = resolved.external ? ' rel="noopener noreferrer nofollow" target="_blank"' : '';
      return `<a href="${escapeAttribute(resolved.href)}"${rest}${attributes}>${inner}</a>`;
    });
  return (
    imagesAsLinks(linked, (src) => resolveDescriptionLink(src, targets))
      .replace(/<(\/?)h([1-6])([ >])/g, (_all, slash: string, level: string, after: string) => `<${slash}h${Math.min(6, Number(level) + 2)}${after}`)
  );
}
