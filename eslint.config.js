import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Boundaries between contexts (see README, "Layout"): lib/ is framework-free and
// importable everywhere; components/ are presentational (no browser APIs, no database);
// the page-side guard stays tiny (no Preact, no Dexie).
const noEntrypoints = {
  group: ['**/entrypoints/**', '@/entrypoints/**'],
  message: 'Entrypoints are composition roots; nothing imports them.',
};
const noBrowser = {
  group: ['wxt/browser', 'webextension-polyfill'],
  message: 'Pass browser access in from the entrypoint.',
};
const noDb = {
  group: ['**/lib/db/**', 'dexie'],
  message: 'The database is reached only from extension pages and the background.',
};
const noUi = { group: ['preact', 'preact/*', '**/components/**'], message: 'No UI here.' };
// The extension runs in browsers. WXT's own types bring Node's globals into every program
// (through vite's), so the type check cannot keep them out: this does.
const noNode = {
  group: ['node:*', 'fs', 'path', 'os', 'child_process', 'url', 'crypto', 'buffer', 'process'],
  message: 'The extension runs in browsers, not Node.',
};
const nodeGlobals = [
  'process',
  'Buffer',
  'global',
  'require',
  'module',
  '__dirname',
  '__filename',
].map((name) => ({ name, message: 'The extension runs in browsers, not Node.' }));

export default defineConfig(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/e2e/.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // tsconfig.node.json holds every file (the extension's and the tests', scripts', bench's).
      parserOptions: { project: './tsconfig.node.json', tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'Never build HTML from data.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Never build HTML from data.',
        },
      ],
    },
  },
  {
    files: ['lib/**/*.ts', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    rules: { 'no-restricted-globals': ['error', ...nodeGlobals] },
  },
  {
    files: ['entrypoints/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noNode] }] },
  },
  {
    files: ['lib/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noEntrypoints, noUi, noNode] }] },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    ignores: ['components/hooks/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noEntrypoints, noBrowser, noDb, noNode] }],
    },
  },
  {
    // Hooks are the bridges from storage and the database to Preact state.
    files: ['components/hooks/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noEntrypoints, noNode] }] },
  },
  {
    files: ['entrypoints/*.content.ts', 'entrypoints/*.content/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noEntrypoints, noDb, noUi, noNode] }],
    },
  },
  {
    files: ['tests/**', '*.config.{ts,js}', 'scripts/**', 'bench/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
  },
);
