// Lint rules double as the layering rules: shared/ must stay pure so the engine
// runs unchanged in the renderer, the main process, workers and the CLI.
import tseslint from 'typescript-eslint';
import security from 'eslint-plugin-security';

const nodeOnly = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'electron', 'better-sqlite3', 'iconv-lite', 'chardet'];

export default tseslint.config(
  { ignores: ['.prof/**', 'node_modules/**', 'dist/**', 'out/**', 'release/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  security.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Index access on typed arrays/maps is the engine's bread and butter; the
      // rule cannot tell a computed key from a user-supplied one.
      'security/detect-object-injection': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeOnly, message: 'shared/ is pure TypeScript: no Node, Electron or database imports.' },
          { group: ['**/electron/**', '**/renderer/**', 'react', 'react-dom'], message: 'shared/ must not depend on the app layers.' },
        ],
      }],
    },
  },
  {
    files: ['tests/**/*.ts', 'scripts/**/*.{ts,mjs}'],
    rules: {
      'security/detect-non-literal-fs-filename': 'off',
      'security/detect-child-process': 'off',
    },
  },
);
