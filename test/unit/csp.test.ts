import { describe, expect, it } from 'vitest';
import { headersFile, pagePolicy } from '../../src/lib/security/csp.ts';

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
});
