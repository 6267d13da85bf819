import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      // Native and rarely used node_modules stay external (loaded at runtime, some only on demand). kysely,
      // zod and commander are bundled with the core: every command loads them, and as separate ES modules
      // they cost Node's loader about a third of the CLI's start-up CPU (measured by the start-up bench).
      // yazl and yauzl too: the core imports them statically, and resolving and wrapping them as CommonJS
      // packages cost every command about 130 ms CPU. The CLI's commands are imported on demand
      // (src/cli/program.ts), so each command group is its own chunk.
      externalizeDeps: { exclude: ['kysely', 'zod', 'commander', 'yazl', 'yauzl'] },
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          // The CLI ships in the same bundle folder so `npx basedesk` and the app run one core.
          cli: resolve('src/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // Bundle everything: a sandboxed preload cannot require node_modules (it derives its channel list
      // from the contract, which pulls in zod).
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // Sandboxed preloads must be CommonJS, whatever the package type.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      rollupOptions: {
        input: { index: resolve('src/renderer/index.html') },
        // Two shared files instead of dozens of small ones: everything the first screen needs in one, and the
        // library and component code two or more pages share in another, fetched with the first page opened.
        // Split automatically, a page pulled 25-30 files of 0.4-8 KiB, six at a time over HTTP/1.1.
        output: {
          codeSplitting: {
            groups: [
              { name: 'start', tags: ['$initial'], priority: 2 },
              { name: 'shared', minShareCount: 2, priority: 1 },
            ],
          },
        },
      },
      // Minified: the renderer parses its entry before the first paint, and every byte of it costs start-up
      // time. Each route is its own chunk (React.lazy in the route registry), loaded when first shown.
      minify: true,
      chunkSizeWarningLimit: 2000,
    },
    plugins: [react()],
  },
});
