import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports run downward only (CONTRIBUTING.md): operations → polling → records → input → http, text. */
const above = {
  http: ['input', 'records', 'polling'],
  text: ['http', 'input', 'records', 'polling'],
  input: ['records', 'polling'],
  records: ['polling'],
  polling: [],
};
const layerRules = Object.entries(above).map(([layer, forbidden]) => ({
  files: [`lib/${layer}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['**/triggers/**', '**/creates/**', '**/searches/**', '**/tools/**', '**/index'],
            message: 'lib/ never imports an operation, the registry or tooling.',
          },
          ...(forbidden.length
            ? [
                {
                  group: forbidden.map((f) => `../${f}/*`),
                  message: `lib/${layer} sits below lib/${forbidden.join(', lib/')}: imports run downward.`,
                },
              ]
            : []),
        ],
      },
    ],
  },
}));

/** One HTTP choke point: every request goes through lib/http/client.ts (URL, brand, errors). */
const ONLY_CLIENT_REQUESTS = {
  selector: "MemberExpression[object.name='z'][property.name='request']",
  message: 'Call lib/http/client.ts (reamazeRequest, getPage) instead of z.request.',
};
/** The error policy (docs/errors.md) lives in lib/: operations call its helpers. */
const ERRORS_IN_LIB = {
  selector:
    "NewExpression[callee.object.property.name='errors'], NewExpression[callee.object.name='errors']",
  message:
    'Build Zapier errors in lib/ (invalid() in lib/input/read.ts, lib/http/client.ts), not in an operation.',
};
const restrictedSyntax = (files, rules, ignores = []) => [
  { files, ignores, rules: { 'no-restricted-syntax': ['error', ...rules] } },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'build/', 'release/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  ...layerRules,
  ...restrictedSyntax(['lib/**/*.ts'], [ONLY_CLIENT_REQUESTS], ['lib/http/**']),
  ...restrictedSyntax(
    ['index.ts', 'authentication.ts', 'triggers/**/*.ts', 'creates/**/*.ts', 'searches/**/*.ts'],
    [ONLY_CLIENT_REQUESTS, ERRORS_IN_LIB],
  ),
);
