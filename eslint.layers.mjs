// The layers of the code (README: "How the code is laid out"), checked by eslint-plugin-boundaries
// on every import, export and dynamic import. tests/unit/layers.test.ts lints a bad import for
// each rule and expects its error, so a rule that stops firing fails a test.
import boundaries from 'eslint-plugin-boundaries';

// The editor's folders, being rewritten (issue 18): see the marked exceptions below.
const EDITOR_FEATURES = [
  'map',
  'map-editor',
  'map-outline',
  'map-graph',
  'map-comments',
  'map-history',
  'map-sharing',
  'classroom-map',
];
const NOT_EDITOR = `!{${EDITOR_FEATURES}}`;

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
  // TEMPORARY (issue 18 editor rewrite): the editor folders still import a few view types from
  // lib/server (HistoryPage, TrashEntry, MapAssignmentContext, now in lib/domain/history.ts,
  // views.ts and classroom/views.ts). Remove this exception once they import them from there.
  {
    from: { element: { type: 'component', captured: { feature: EDITOR_FEATURES } } },
    allow: { to: { element: { type: 'server' } }, dependency: { kind: 'type' } },
  },
  {
    from: { element: { type: LIB } },
    disallow: { to: { element: { type: ['component', 'app'] } } },
    message: 'lib/ never imports components/ or app/ ({{dependency.source}}).',
  },

  // ── Feature folders ──────────────────────────────────────────────────────────────────────────
  // A components feature folder (components/<feature>/) imports its own files, components/ui/
  // and the shared components/*.tsx, never another feature's files: what two features share
  // moves to ui/ (or, for the editor, its shared folder).
  // RESERVED for the editor rewrite (issue 18): the editor folders (EDITOR_FEATURES) are left out
  // on both sides below until the rewrite lands; add their rule here (e.g. entry points).
  {
    from: { element: { type: 'component', captured: { feature: NOT_EDITOR } } },
    disallow: {
      to: { element: { type: 'component', captured: { feature: `!{ui,${EDITOR_FEATURES}}` } } },
    },
    message:
      'A components feature folder does not import another feature folder ({{dependency.source}}): ' +
      'move what both use to components/ui.',
  },
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
