// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bin/**', 'scripts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[object.name=/^(it|test|describe)$/][property.name=/^(only|skip)$/]',
          message: 'No focused or skipped tests.',
        },
      ],
    },
  },
  {
    // Functions that do one thing: a function past these limits is doing several, and its parts get names.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: {
      complexity: ['error', 25],
      'max-lines-per-function': ['error', { max: 120, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // A migration is frozen history: its body stays exactly as it ran on existing databases, so the size
    // limits do not apply to one that predates them.
    files: ['src/core/db/migrations/0003_scores.ts'],
    rules: { complexity: 'off', 'max-lines-per-function': 'off' },
  },
  {
    // Migrations and the schema builder genuinely take Kysely<any>: they run against past schemas.
    files: ['src/core/db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The pure core and the shared contract never reach Electron.
    files: ['src/core/**', 'src/shared/**', 'src/cli/**', 'src/http/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The core is pure: no electron import.' }] }],
    },
  },
  {
    // The renderer talks to the core only through the typed API.
    files: ['src/renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // A window opened from the renderer would escape the app's navigation and security rules: files and
      // reports go through the typed API (save dialog / download), never a new window.
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'open', message: 'No window.open: save or show through the typed API.' },
        { object: 'globalThis', property: 'open', message: 'No window.open: save or show through the typed API.' },
      ],
      'no-restricted-globals': ['error', { name: 'open', message: 'No window.open: save or show through the typed API.' }],
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3-multiple-ciphers', 'kysely', 'fs', 'path', 'child_process'].map((name) => ({
            name,
            message: 'The renderer reaches the core only through the typed API.',
          })),
          patterns: [
            { group: ['node:*'], message: 'No Node modules in the renderer.' },
            {
              group: ['**/core/**', '**/main/**', '**/cli/**', '**/http/**', '**/preload/**'],
              message: 'Import from src/shared or the renderer only.',
            },
          ],
        },
      ],
    },
  },
);
