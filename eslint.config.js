// Lint for the whole repository (`npm run lint`, part of `npm test`): typescript-eslint's
// recommended rules, and the architecture as rules rather than prose (eslint-plugin-import-x):
//  - LAYERS below, top to bottom: a folder imports only folders below it. So no two folders
//    import each other, however indirectly, and a new folder under src/ must be placed here
//    before lint passes (see placeEverySrcFolder).
//  - The three transports are peers: none imports another.
//  - The engine side (engine, corpus, text, lexicon) imports no shell: nothing above it, and
//    not discord.js.
//  - No module imports itself back through others (import-x/no-cycle).
// Formatting is Prettier's (`prettier --check` in `npm run lint`); eslint-config-prettier
// turns off every stylistic rule that would disagree with it.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Top to bottom: what a folder is for, and it may import only the folders listed after it.
 * The pipeline an interaction takes reads down the list: a transport adapter reads Discord's
 * data, the app's dispatcher routes it to a command, the command asks the engine and renders
 * the answer, and respond.ts (in src/discord) shapes what goes back.
 */
const LAYERS = [
  ['src/cli', '`npx citebot <command>`: parses flags and starts what the command runs'],
  [
    'src/transports',
    'gateway, HTTP and console adapters: Discord data in, the reply out (answerInteraction.ts: defer / reply / follow-up)',
  ],
  ['commands', 'one file per command and button: definition and handler'],
  ['src/app', 'createApp: dispatcher, command registry, handler context, rate limit'],
  ['src/process', 'process plumbing: structured logging, shutdown on signals, sharding'],
  ['src/discord', "Discord's shapes: the plain request, the Reply, rendering, limits, escaping, respond.ts"],
  ['src/config', 'settings from the environment and .env, validated'],
  ['src/ingest', 'scraped pages into corpus articles'],
  ['src/engine', 'the answer engine: index, question analysis, ranking, dates'],
  ['src/corpus', 'the corpus format, loading, validation'],
  ['src/lexicon', 'WordNet and word vectors, compacted'],
  ['src/text', 'sentences and words'],
  ['src/binary', 'typed arrays in a file with a CRC-32: the prebuilt index, the compiled lexicon'],
  ['src/terminal', 'terminal text helpers'],
  ['src/paths', 'where the package is'],
];

const TRANSPORTS = ['src/transports/gateway', 'src/transports/http', 'src/transports/console'];
const ENGINE_SIDE = ['src/engine', 'src/corpus', 'src/text', 'src/lexicon', 'src/binary'];

/** Every folder under src/ has a place in LAYERS, so none escapes the rules. */
function placeEverySrcFolder() {
  const placed = new Set(LAYERS.map(([path]) => path));
  const unplaced = readdirSync(new URL('./src/', import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !placed.has(`src/${entry.name}`))
    .map((entry) => `src/${entry.name}`);
  if (unplaced.length)
    throw new Error(`eslint.config.js: place ${unplaced.join(', ')} in LAYERS (what it is for, and which folders it sits above)`);
}
placeEverySrcFolder();

const layerZones = LAYERS.slice(1).map(([target], i) => ({
  target: `./${target}`,
  from: LAYERS.slice(0, i + 1).map(([from]) => `./${from}`),
  message: `${target} sits below these folders in eslint.config.js's LAYERS: it may not import them.`,
}));

const peerZones = [
  ...TRANSPORTS.map((target) => ({
    target: `./${target}`,
    from: TRANSPORTS.filter((other) => other !== target).map((other) => `./${other}`),
    message: 'The transports are peers: what two of them share belongs in src/transports/ itself or below.',
  })),
  {
    target: './src/transports/*.ts',
    from: TRANSPORTS.map((t) => `./${t}`),
    message: 'What the transports share may not depend on one of them.',
  },
];

const harnessZone = {
  target: ['./src', './commands'],
  from: ['./tests', './bench'],
  message: 'Tests and benchmarks use the code, never the other way round.',
};

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/results/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      // How import-x reads the files an import leads to: TypeScript's parser, and `./x.js` found as x.ts.
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.check.json' })],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...peerZones, harnessZone] }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-useless-path-segments': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Promises nobody waits for or catches, in the code that runs: the type-aware rules, on what the build compiles.
    files: ['src/**/*.ts', 'commands/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ENGINE_SIDE.map((folder) => `${folder}/**`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['discord.js', '@discordjs/*', 'discord-api-types', 'discord-api-types/*'],
              message: 'The engine side knows nothing of Discord.',
            },
          ],
        },
      ],
    },
  },
  {
    // Fixed when the speed work in bench/load lands (an import left unused there); see .prettierignore.
    files: ['bench/load/runLoad.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
  prettier,
);
