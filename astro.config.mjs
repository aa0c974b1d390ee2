// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import cspHeaders from './src/integrations/csp-headers.ts';
import { CSP_DIRECTIVES, STYLE_ATTRIBUTE_SOURCES } from './src/lib/security/csp.ts';

// The site URL only feeds canonical links and the sitemap; override it when deploying elsewhere.
const site = process.env.ATLAS_SITE_URL ?? 'https://model-atlas.example.org';

export default defineConfig({
  site,
  trailingSlash: 'always',
  integrations: [react(), sitemap(), cspHeaders()],
  build: { format: 'directory' },
  security: {
    csp: {
      // One policy for every page; why each directive is what it is: src/lib/security/csp.ts.
      directives: [...CSP_DIRECTIVES],
      styleDirective: { resources: STYLE_ATTRIBUTE_SOURCES.map((resource) => ({ resource, kind: 'attribute' })) },
    },
  },
  // The catalog is one shared chunk of data; keeping asset names stable helps byte-size comparisons in bench.
  vite: { build: { assetsInlineLimit: 0 } },
});
