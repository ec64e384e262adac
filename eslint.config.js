import js from '@eslint/js';
import globals from 'globals';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, and what each may import besides itself: dependencies point one way,
 * engine ← preset ← workers ← state ← render ← ui. The gallery is scenes (engine, preset); the
 * command line runs without a DOM (engine, preset, gallery); the entry files wire everything.
 */
const layers = {
  engine: [],
  preset: ['engine'],
  gallery: ['engine', 'preset'],
  workers: ['engine', 'preset'],
  state: ['engine', 'preset', 'workers'],
  render: ['engine', 'preset', 'workers', 'state'],
  ui: ['engine', 'preset', 'gallery', 'workers', 'state', 'render', 'export'],
  cli: ['engine', 'preset', 'gallery', 'export'],
  // Scenes written for other tools (a PyTorch script): pure text from engine and preset values.
  export: ['engine', 'preset'],
};

export default tseslint.config(
  { ignores: ['dist', 'dist-cli', 'node_modules', 'tests/fixtures', 'reports', '.stryker-tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['bin/**/*.mjs', '*.config.js', '*.config.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': [
        ...Object.keys(layers).map((type) => ({
          type,
          pattern: `src/${type}`,
          partialMatch: false,
        })),
      ],
      // main.tsx and devtools.ts wire the layers together: they may import any of them.
      'boundaries/files': [{ category: 'entry', pattern: 'src/*.{ts,tsx}' }],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            ...Object.entries(layers).map(([type, allowed]) => ({
              from: { element: { type } },
              allow: { to: { element: { types: { anyOf: [type, ...allowed] } } } },
            })),
            {
              from: { file: { categories: 'entry' } },
              allow: { to: { element: { types: { anyOf: Object.keys(layers) } } } },
            },
            {
              from: { file: { categories: 'entry' } },
              allow: { to: { file: { categories: 'entry' } } },
            },
          ],
        },
      ],
      // A file of src/ outside every layer would escape the rule above.
      'boundaries/no-unknown-files': 'error',
    },
  },
  {
    // The engine and what runs beside it in workers and Node: no DOM framework, no store.
    files: [
      'src/engine/**/*.ts',
      'src/preset/**/*.ts',
      'src/gallery/**/*.ts',
      'src/workers/**/*.ts',
      'src/cli/**/*.ts',
      'src/export/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'react',
            'react-dom',
            'react-dom/*',
            'zustand',
            'zustand/*',
            'd3-selection',
            'd3-zoom',
          ],
        },
      ],
    },
  },
);
