// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';

// The site URL only feeds canonical links and the sitemap; override it when deploying elsewhere.
const site = process.env.ATLAS_SITE_URL ?? 'https://model-atlas.example.org';

export default defineConfig({
  site,
  trailingSlash: 'always',
  integrations: [react(), sitemap()],
  build: { format: 'directory' },
  // The catalog is one shared chunk of data; keeping asset names stable helps byte-size comparisons in bench.
  vite: { build: { assetsInlineLimit: 0 } },
});
