// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'net',
  'http',
  'https',
  'child_process',
  'crypto',
  'stream',
  'url',
  'worker_threads',
];
const nodeOnlyPackages = [
  'better-sqlite3',
  'better-sqlite3-multiple-ciphers',
  'drizzle-orm/better-sqlite3',
  'pino',
  'fastify',
  'pg',
  '@electric-sql/pglite',
  'electron',
  'undici',
  'sharp',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      'artifacts/**',
      'test-results/**',
      'bench/data/**',
      'db/*/migrations/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Promises nobody awaits hide failures (a swallowed start-up error, a lost write); these
    // two rules need type information, so they run with the project service.
    files: ['src-*/**/*.{ts,tsx}', 'scripts/**/*.ts', 'db/**/*.ts', 'bench/**/*.ts'],
    ignores: ['db/*/drizzle.config.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Layer rules (STYLE §1): the type checker catches most; this names the mistake plainly.
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...nodeBuiltins, ...nodeOnlyPackages, 'react', 'react-dom', '../src-*/**'] },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [...nodeBuiltins, ...nodeOnlyPackages] }],
    },
  },
  {
    // The app's Node side and the central server share code only through src-shared (pure)
    // and src-node (Node code both own): neither imports the other.
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['electron'], patterns: ['**/src-server/**', '**/db/server/**', '**/db/seed/**'] },
      ],
    },
  },
  {
    files: ['src-main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/src-server/**', '**/db/server/**', '**/db/seed/**'] }],
    },
  },
  {
    files: ['src-server/**/*.ts', 'db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron'], patterns: ['**/src-main/**', '**/src-renderer/**'] }],
    },
  },
  {
    files: ['src-node/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['electron'], patterns: ['**/src-main/**', '**/src-server/**', '**/src-renderer/**', '**/db/**'] },
      ],
    },
  },
  {
    // Command-line entry points talk to a person on the terminal.
    files: ['scripts/**/*.{ts,mjs}', 'bench/**/*.{ts,mjs}'],
    rules: { 'no-console': 'off' },
  },
);
