import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { headersFile, pagePolicy } from '../../src/lib/security/csp.ts';
import { policyOf } from '../../src/integrations/csp-headers.ts';

describe('content security policy as _headers', () => {
  it('reads the policy of a built page, entities decoded', () => {
    const html = `<head><meta http-equiv="content-security-policy" content="default-src &#39;self&#39;; script-src &#39;self&#39; &#39;sha256-abc=&#39;;"></head>`;
    expect(pagePolicy(html)).toBe("default-src 'self'; script-src 'self' 'sha256-abc=';");
    expect(pagePolicy('<head></head>')).toBeNull();
  });

  it('writes one rule for all pages when they share a policy, with frame-ancestors added', () => {
    const policies = new Map([
      ['/', "default-src 'self';"],
      ['/about/', "default-src 'self';"],
    ]);
    expect(headersFile(policies)).toBe("/*\n  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'\n");
  });

  it('writes one rule per page when policies differ, since hosts combine every matching rule', () => {
    const policies = new Map([
      ['/b/', "script-src 'self' 'sha256-b='"],
      ['/a/', "script-src 'self'"],
    ]);
    expect(headersFile(policies)).toBe(
      "/a/\n  Content-Security-Policy: script-src 'self'; frame-ancestors 'none'\n\n/b/\n  Content-Security-Policy: script-src 'self' 'sha256-b='; frame-ancestors 'none'\n",
    );
  });

  it('reads a built page\'s policy from its head, and from the whole file when the tag comes later', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'atlas-csp-'));
    try {
      const meta = '<meta http-equiv="content-security-policy" content="default-src &#39;self&#39;">';
      const page = (before: string) => {
        const file = path.join(dir, `${before.length}.html`);
        writeFileSync(file, `<!doctype html><head>${before}${meta}</head><body>${'x'.repeat(200_000)}</body>`);
        return file;
      };
      expect(policyOf(page(''))).toBe("default-src 'self'");
      expect(policyOf(page(`<style>${'a{}'.repeat(40_000)}</style>`))).toBe("default-src 'self'");
      const none = path.join(dir, 'none.html');
      writeFileSync(none, `<head></head>${'y'.repeat(100_000)}`);
      expect(policyOf(none)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
