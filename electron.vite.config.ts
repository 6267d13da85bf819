import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

/** A chunk group's test: the given modules, named by their path under src/ without the extension. */
function modulesUnderSrc(paths: readonly string[]): (id: string) => boolean {
  const wanted = new Set(paths.map((p) => resolve('src', `${p}.ts`)));
  return (id) => wanted.has(id);
}

/**
 * What a CLI command runs before its own code, one chunk per list instead of one per module: `basedesk status`
 * loaded 43 files, each resolved, read and linked on its own, and 19 of them cost its main thread 3% fewer
 * instructions. A module missing from these lists is split automatically as before; one listed here that a
 * command does not need is loaded anyway, so they hold only what opening a folder needs.
 * - keyAhead: what the CLI entry loads to start the passphrase's scrypt before anything else.
 * - folderOpening: opening a data folder and dispatching an op (the kysely and zod libraries included).
 * - migrations: every migration, run together on a new folder (an upgrade loads them all too, 48 KB).
 */
const keyAhead = modulesUnderSrc([
  'cli/command-line',
  'cli/db-key',
  'cli/io',
  'core/crypto/scrypt-kdf',
  'core/db/cipher',
  'core/db/file-names',
  'core/db/key-ahead',
  'core/paths',
  'shared/errors',
]);
const folderOpening = modulesUnderSrc([
  'core/api/dispatch',
  'core/api/handler',
  'core/api/handlers',
  'core/api/zod-error',
  'core/audit/events',
  'core/audit/hlc',
  'core/auth/password',
  'core/auth/sessions',
  'core/crypto/key-envelope',
  'core/crypto/signing-key',
  'core/db/check',
  'core/db/db-key',
  'core/db/immediate-dialect',
  'core/db/key-source',
  'core/db/leftovers',
  'core/db/migrations/index',
  'core/db/open',
  'core/db/private-files',
  'core/open-core',
  'core/outbox/key-protector',
  'core/util/canonical-json',
  'core/util/clock',
  'core/util/json',
  'core/util/uuid7',
  'shared/common-passwords',
  'shared/contract/define',
  'shared/contract/op-loaders',
  'shared/contract/zod-locale',
  'shared/field-labels',
  'shared/permissions',
]);
const libraries = /[\\/]node_modules[\\/](kysely|zod)[\\/]/;
const migration = /[\\/]src[\\/]core[\\/]db[\\/]migrations[\\/]\d{4}_\w+\.ts$/;

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
        output: {
          codeSplitting: {
            groups: [
              { name: 'key-ahead', test: keyAhead, priority: 3 },
              { name: 'folder-opening', test: (id) => folderOpening(id) || libraries.test(id), priority: 2 },
              { name: 'migrations', test: migration, priority: 1 },
            ],
          },
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
