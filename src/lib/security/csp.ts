/**
 * The Content-Security-Policy of every page. Astro's `security.csp` writes it into each page's
 * `<meta http-equiv>`, adding `script-src 'self'` and `style-src 'self'` with the hashes of the few
 * inline scripts and styles it emits itself (the island loader and its directives); no other inline
 * script can run. `src/integrations/csp-headers.ts` writes the same policy as `_headers` for static
 * hosts that send headers (Netlify, Cloudflare Pages), adding what only a header can carry.
 *
 * `connect-src` cannot be 'self' alone: the live trial calls the chat API at a base URL the user
 * chooses (OpenRouter, a provider's own API, or a server on their machine). `https:` admits any
 * remote API over TLS; plain http only to the user's own machine (Ollama, llama.cpp, vLLM), since a
 * key sent over plain http to another host could be read on the way.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
] as const;

/**
 * Inline `style="…"` attributes are allowed (not `<style>` elements, which Astro hashes): pages set
 * layout variables in them (compare's column count) and React writes them when it renders on the
 * server. An attribute cannot run script, and a `url()` in it is still bound by img-src.
 */
export const STYLE_ATTRIBUTE_SOURCES = ["'unsafe-inline'"] as const;

/** Ignored (with a console error) in a `<meta>` policy, so only the header carries it: no framing. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"] as const;

/** The policy of a built page's `<meta http-equiv="content-security-policy">`, or null. */
export function pagePolicy(html: string): string | null {
  const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
  return meta ? (meta[1] as string).replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&') : null;
}

/** The meta policy with the header-only directives appended. */
export function headerPolicy(metaPolicy: string): string {
  return [metaPolicy.trim().replace(/;+$/, ''), ...HEADER_ONLY_DIRECTIVES].join('; ');
}

/**
 * A `_headers` file for pages (URL path → meta policy). Hosts combine the values of every rule that
 * matches a path, and two policies both apply, so a page must match exactly one rule: one `/*` rule
 * when every page has the same policy, else one rule per page.
 */
export function headersFile(policies: ReadonlyMap<string, string>): string {
  const distinct = new Set(policies.values());
  const rules: [string, string][] = distinct.size === 1 ? [['/*', [...distinct][0] as string]] : [...policies].sort(([a], [b]) => a.localeCompare(b));
  return `${rules.map(([path, policy]) => `${path}\n  Content-Security-Policy: ${headerPolicy(policy)}\n`).join('\n')}`;
}
