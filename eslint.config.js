// One lint setup for the whole repo. The import rules hold the dependency direction:
// apps → packages, never back; no deep imports into another package's files;
// only @atlas/store talks to DuckDB.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noAppImports = {
  group: ['@atlas/api', '@atlas/web', '**/apps/**'],
  message: 'Domain packages never import apps: dependencies point apps → packages.',
};
const noDeepImports = {
  group: ['@atlas/*/*'],
  message: 'Import a package by its name only; its index.ts is its public face.',
};
const onlyStoreTalksToDuckDB = {
  group: ['@duckdb/*'],
  message: 'Only @atlas/store talks to DuckDB.',
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'tests/artifacts/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { patterns: [noDeepImports, onlyStoreTalksToDuckDB] }],
    },
  },
  {
    files: ['packages/**/*.ts'],
    ignores: ['packages/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [noAppImports, noDeepImports, onlyStoreTalksToDuckDB] },
      ],
    },
  },
  {
    files: ['packages/store/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noAppImports, noDeepImports] }] },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noDeepImports,
            onlyStoreTalksToDuckDB,
            {
              group: ['@atlas/store', '@atlas/geo/*', 'node:*'],
              message: 'The web app runs in the browser: it talks to the API, not the store.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
