// Lint rules for the whole workspace. Type checking is `tsc -b`; this catches what it cannot.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const focusedTest = 'focused tests (.only) must not be committed: they silently skip the rest of the suite';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'examples/vanilla/vendor/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      'no-restricted-properties': ['error',
        ...['describe', 'it', 'test', 'suite'].map((object) => ({ object, property: 'only', message: focusedTest }))],
      'no-restricted-syntax': ['error',
        { selector: "MemberExpression[property.name='only'][object.property.name=/^(describe|skip|serial|parallel)$/]", message: focusedTest }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
);
