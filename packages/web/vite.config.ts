import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    react(),
    // Installable officer app: the manifest and a service worker built from src/offline/worker
    // (registered by src/offline/register.ts in production builds only; `npm run dev` has none).
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/offline/worker',
      filename: 'service-worker.ts',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      // The icons are in the precache through globPatterns already.
      includeManifestIcons: false,
      manifest: {
        name: 'Assay',
        short_name: 'Assay',
        description: 'Tell genuine goods from counterfeits at the inspection bench, online or offline.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1f3a5f',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        // The app shell; source maps stay out. The barcode reader's WebAssembly is kept so that
        // scanning works offline too.
        globPatterns: ['**/*.{html,js,css,svg,png,woff2,wasm,webmanifest}'],
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
      devOptions: { enabled: false },
    }),
  ],
  resolve: {
    // Core is shared TypeScript source, compiled together with the app rather than from its dist.
    alias: { '@assay/core': fileURLToPath(new URL('../core/src/index.ts', import.meta.url)) },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    rolldownOptions: {
      // Core is pure (no module-level effects): what the app does not use, such as the zod schemas of
      // API bodies only the server validates, is left out of the bundle.
      treeshake: { moduleSideEffects: (id: string) => !id.includes('/packages/core/src/') },
      // Libraries change less often than the app: a separate chunk stays cached across releases.
      // The barcode reader and the verification map's atlas and projection stay out of it: only the
      // scan screen and the rights holder's verification map load them, on first use.
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'vendor',
              test: /node_modules\/(?!zxing-wasm\/|world-atlas\/|topojson-client\/|d3-geo\/|d3-array\/|internmap\/)/,
            },
          ],
        },
      },
    },
  },
});
