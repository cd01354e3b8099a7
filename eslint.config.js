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

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/e2e/.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
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
    files: ['lib/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noEntrypoints, noUi] }] },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    ignores: ['components/hooks/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noEntrypoints, noBrowser, noDb] }] },
  },
  {
    // Hooks are the bridges from storage and the database to Preact state.
    files: ['components/hooks/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noEntrypoints] }] },
  },
  {
    files: ['entrypoints/*.content.ts', 'entrypoints/*.content/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noEntrypoints, noDb, noUi] }] },
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
