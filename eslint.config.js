// Lint gate (`npm run lint`, run by .ci/run): typescript-eslint's recommended rules without type
// information (fast), and no explicit `any` in src/evaluate, where rules read typed evidence.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // portal.js is browser code shipped as written; its JSDoc types are checked by test/portal.
  { ignores: ['dist/', 'out/', 'coverage/', '.test-build-*/', '.bench-build/', 'samples/sample-account/', 'node_modules/', 'templates/portal/', 'bench/.data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Outside src/evaluate an `any` at a library seam is allowed; inside it is an error (below).
      '@typescript-eslint/no-explicit-any': 'off',
      // Input checks and cell sanitising match control characters on purpose.
      'no-control-regex': 'off',
      // A leading underscore marks a value left out on purpose (destructuring to drop a field).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['src/evaluate/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
);
