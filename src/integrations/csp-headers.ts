/**
 * After the build, writes `_headers` with the Content-Security-Policy that Astro put in each page's
 * meta tag (src/lib/security/csp.ts), so hosts that send headers enforce the same policy, hashes
 * included. Generated rather than kept in public/: the hashes change whenever Astro's loader does.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

export default function cspHeaders(): AstroIntegration {
  return {
    name: 'model-atlas:csp-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const policies = new Map<string, string>();
        const missing: string[] = [];
        for (const file of htmlFiles(root)) {
          const policy = pagePolicy(readFileSync(file, 'utf8'));
          if (policy === null) missing.push(urlPath(root, file));
          else policies.set(urlPath(root, file), policy);
        }
        if (missing.length > 0) throw new Error(`csp-headers: no Content-Security-Policy meta tag in ${missing.slice(0, 5).join(', ')}`);
        writeFileSync(path.join(root, '_headers'), headersFile(policies));
        logger.info(`_headers written: ${new Set(policies.values()).size} distinct policy for ${policies.size} pages`);
      },
    },
  };
}
