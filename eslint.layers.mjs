// The layers of the code (README: "How the code is laid out"), checked by eslint-plugin-boundaries
// on every import, export and dynamic import. tests/unit/layers.test.ts lints a bad import for
// each rule and expects its error, so a rule that stops firing fails a test.
import boundaries from 'eslint-plugin-boundaries';

// The editor's folders: they have a rule of their own (below).
const EDITOR_FEATURES = [
  'map',
  'map-editor',
  'map-outline',
  'map-graph',
  'map-comments',
  'map-history',
  'map-sharing',
  'map-suggestions',
  'classroom-map',
];
const NOT_EDITOR = `!{${EDITOR_FEATURES}}`;
/** Which other component folders each editor folder may use (besides ui/ and its own). */
const EDITOR_USES = {
  map: [],
  'map-outline': ['map', 'debate'],
  'map-graph': ['map'],
  'map-comments': ['map'],
  'map-history': ['map'],
  'map-sharing': ['map'],
  'map-suggestions': ['map'],
  'classroom-map': ['map'],
  'map-editor': [
    'map',
    'map-outline',
    'map-graph',
    'map-comments',
    'map-history',
    'map-sharing',
    'map-suggestions',
    'debate',
  ],
};

/**
 * Element types, by folder from the project root, most specific first (a file belongs to the
 * first that matches).
 */
const elements = [
  { type: 'generated', pattern: 'lib/generated', partialMatch: false },
  { type: 'domain', pattern: 'lib/domain', partialMatch: false },
  { type: 'server', pattern: 'lib/server', partialMatch: false },
  { type: 'lib', pattern: 'lib', partialMatch: false },
  { type: 'app', pattern: 'app', partialMatch: false },
  // components/<feature>/…: one element per feature folder; components/*.tsx are shared.
  { type: 'component', pattern: 'components/*', partialMatch: false, capture: ['feature'] },
  { type: 'component', pattern: 'components', partialMatch: false },
];

/** The database client modules: only lib/server (and scripts, tests) import them. */
const files = [{ category: 'db-client', pattern: ['lib/server/db.ts', 'lib/server/db-client.ts'] }];

const PRISMA = { module: { origin: 'external', source: '@prisma/*' } };
const DB_CLIENT = { file: { categories: 'db-client' } };
const LIB = ['generated', 'domain', 'server', 'lib'];

const policies = [
  {
    from: { element: { type: 'domain' } },
    disallow: {
      to: [
        { module: { origin: 'external', source: ['react', 'react-dom', 'next'] } },
        PRISMA,
        { element: { type: ['generated', 'server'] } },
      ],
    },
    message:
      'lib/domain is plain TypeScript: no React, Next.js, Prisma or lib/server ({{dependency.source}}).',
  },
  {
    from: { element: { type: 'app' } },
    disallow: { to: [PRISMA, DB_CLIENT, { element: { type: 'generated' } }] },
    message:
      'Pages and route handlers do not touch Prisma or the db client ({{dependency.source}}): ' +
      'call a data function in lib/server (through withDb).',
  },
  {
    from: { element: { type: 'component' } },
    disallow: { to: [PRISMA, { element: { type: ['generated', 'server'] } }] },
    message:
      'Components do not import lib/server ({{dependency.source}}): the page loads the data and ' +
      'passes it as props; shared view types live in lib/domain.',
  },
  {
    from: { element: { type: LIB } },
    disallow: { to: { element: { type: ['component', 'app'] } } },
    message: 'lib/ never imports components/ or app/ ({{dependency.source}}).',
  },

  // ── Feature folders ──────────────────────────────────────────────────────────────────────────
  // A components feature folder (components/<feature>/) imports its own files, components/ui/,
  // the shared components/*.tsx and the editor's shared folder (components/map), never another
  // feature's files: what two features share moves to ui/ (or, for the editor, to map/).
  {
    from: { element: { type: 'component', captured: { feature: NOT_EDITOR } } },
    disallow: {
      to: { element: { type: 'component', captured: { feature: `!{ui,map}` } } },
    },
    message:
      'A components feature folder does not import another feature folder ({{dependency.source}}): ' +
      'move what both use to components/ui.',
  },
  // The editor: components/map is what every view shares; the views (outline, graph) and the
  // panels (comments, history, sharing) and the classroom's plug-in use only it (and the article
  // parts in debate/); the shell (map-editor) puts them together. So no view imports another.
  ...Object.entries(EDITOR_USES).map(([feature, uses]) => ({
    from: { element: { type: 'component', captured: { feature } } },
    disallow: {
      to: {
        element: { type: 'component', captured: { feature: `!{${['ui', feature, ...uses]}}` } },
      },
    },
    message:
      `components/${feature} may use only ${['ui', ...uses].join(', ')} of the other component ` +
      'folders ({{dependency.source}}): the editor shell (map-editor) puts the views together, ' +
      'and what two of them share belongs in components/map.',
  })),
  // ─────────────────────────────────────────────────────────────────────────────────────────────
];

export const layers = [
  {
    name: 'counterpoint/layers',
    files: ['**/*.{js,jsx,mjs,ts,tsx,mts,cts}'],
    plugins: { boundaries },
    settings: {
      'boundaries/root-path': import.meta.dirname,
      'boundaries/elements': elements,
      'boundaries/files': files,
    },
    rules: {
      'boundaries/dependencies': [2, { default: 'allow', checkAllOrigins: true, policies }],
    },
  },
  {
    // withDb(fn, ...args) runs a lib/server data function; a function written inline would be a
    // query built in the page, which is what the layer above keeps out of app/.
    name: 'counterpoint/layers-app',
    files: ['app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='withDb'] > :function",
          message:
            'Pass withDb a data function of lib/server, not one written here: a page builds no query.',
        },
      ],
    },
  },
];
