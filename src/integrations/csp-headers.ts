/**
 * After the build, writes `_headers` with the Content-Security-Policy that Astro put in each page's
 * meta tag (src/lib/security/csp.ts), so hosts that send headers enforce the same policy, hashes
 * included. Generated rather than kept in public/: the hashes change whenever Astro's loader does.
 */
import { closeSync, openSync, readSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile, pagePolicy } from '../lib/security/csp.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** dist/models/a/b/index.html → /models/a/b/; dist/404.html → /404.html */
function urlPath(root: string, file: string): string {
  const relative = path.relative(root, file).split(path.sep).join('/');
  return `/${relative.endsWith('index.html') ? relative.slice(0, -'index.html'.length) : relative}`;
}

/** Enough of a page to hold its <head>, where Astro writes the policy's meta tag. */
const HEAD_BYTES = 64 * 1024;

/**
 * The page's policy, read from its first 64 KiB (the whole file only when the tag is not there): a
 * 10k-model build has 700 MB of HTML, and reading every page whole took the build's peak memory from
 * 1.4 to 2.3 GB.
 */
export function policyOf(file: string): string | null {
  const head = Buffer.alloc(HEAD_BYTES);
  const fd = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(fd, head, 0, HEAD_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  return pagePolicy(head.toString('utf8', 0, read)) ?? (read < HEAD_BYTES ? null : pagePolicy(readFileSync(file, 'utf8')));
}

export default function cspHeaders(): AstroIntegration {
  return {
    name: 'model-atlas:csp-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const policies = new Map<string, string>();
        // One string per distinct policy: a policy cut out of a page's text can keep the whole text alive.
        const distinct = new Map<string, string>();
        const missing: string[] = [];
        for (const file of htmlFiles(root)) {
          const policy = policyOf(file);
          if (policy === null) missing.push(urlPath(root, file));
          else {
            let kept = distinct.get(policy);
            if (kept === undefined) distinct.set(policy, (kept = policy));
            policies.set(urlPath(root, file), kept);
          }
        }
        if (missing.length > 0) throw new Error(`csp-headers: no Content-Security-Policy meta tag in ${missing.slice(0, 5).join(', ')}`);
        writeFileSync(path.join(root, '_headers'), headersFile(policies));
        logger.info(`_headers written: ${new Set(policies.values()).size} distinct policy for ${policies.size} pages`);
      },
    },
  };
}
