import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rules of eslint.layers.mjs, run through ESLint with the project's own config on
 * snippets placed (by file path; nothing is written) in each layer: every rule must fire on a bad
 * import, and stay quiet on the imports the layers allow. A rule that cannot fail would pass
 * `npm run lint` for ever.
 */

const root = path.resolve(import.meta.dirname, '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The layer errors (rule id: message) ESLint reports for `code` as the file `file`. */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'boundaries/dependencies' || m.ruleId === 'no-restricted-syntax')
    .map((m) => `${m.ruleId}: ${m.message}`);
}

const DOMAIN = 'lib/domain/classroom/__layers_fixture.ts';
const PAGE = 'app/maps/[mapId]/__layers_fixture/page.tsx';
const ROUTE = 'app/api/maps/[mapId]/__layers_fixture/route.ts';
const COMPONENT = 'components/maps/__layers_fixture.tsx';
const SHARED_COMPONENT = 'components/__layers_fixture.tsx';
const EDITOR_COMPONENT = 'components/map-editor/__layers_fixture.tsx';

const refused: [string, string, string, RegExp][] = [
  // lib/domain: no React, Next.js, Prisma, generated client or lib/server
  ['domain → react', DOMAIN, "import { useState } from 'react';", /lib\/domain is plain/],
  ['domain → react-dom', DOMAIN, "import { createRoot } from 'react-dom/client';", /plain/],
  ['domain → next/*', DOMAIN, "import Link from 'next/link';", /plain/],
  ['domain → @prisma/*', DOMAIN, "import { Prisma } from '@prisma/client';", /plain/],
  [
    'domain → lib/generated (type only)',
    DOMAIN,
    "import type { PrismaClient } from '@/lib/generated/prisma/client';",
    /plain/,
  ],
  ['domain → lib/server', DOMAIN, "import { loadMapView } from '@/lib/server/maps';", /plain/],
  ['domain → db, relative', DOMAIN, "import { db } from '../../server/db';", /plain/],
  ['domain → lib/server, dynamic', DOMAIN, "await import('@/lib/server/maps');", /plain/],
  ['domain → lib/server, re-export', DOMAIN, "export { db } from '@/lib/server/db';", /plain/],
  // app/: no Prisma, generated client or db client
  ['page → db', PAGE, "import { db } from '@/lib/server/db';", /Pages and route handlers/],
  [
    'route → db-client',
    ROUTE,
    "import { writeTransaction } from '@/lib/server/db-client';",
    /Pages and route handlers/,
  ],
  ['route → @prisma/*', ROUTE, "import { PrismaPg } from '@prisma/adapter-pg';", /Pages and/],
  [
    'page → lib/generated (type only)',
    PAGE,
    "import type { PrismaClient } from '@/lib/generated/prisma/client';",
    /Pages and/,
  ],
  [
    'page → db type (type only)',
    PAGE,
    "import type { Db } from '@/lib/server/db';",
    /Pages and route handlers/,
  ],
  [
    'page → a query written inline for withDb',
    PAGE,
    "import { withDb } from '@/lib/server/with-db';\nawait withDb((db) => db.user.count());",
    /Pass withDb a data function/,
  ],
  // components/: no lib/server (values or types), db, Prisma
  [
    'component → lib/server',
    COMPONENT,
    "import { listMyMaps } from '@/lib/server/maps';",
    /Components do not import lib\/server/,
  ],
  [
    'component → lib/server (type only)',
    COMPONENT,
    "import type { MapVotes } from '@/lib/server/votes';",
    /Components do not/,
  ],
  [
    'shared component → lib/server/session',
    SHARED_COMPONENT,
    "import { getCurrentUser } from '@/lib/server/session';",
    /Components do not/,
  ],
  ['component → @prisma/*', COMPONENT, "import { Prisma } from '@prisma/client';", /Components/],
  [
    'editor component → db (its type-only exception is no more than that)',
    EDITOR_COMPONENT,
    "import { db } from '@/lib/server/db';",
    /Components do not/,
  ],
  // components/<feature>/: no other feature folder's files
  [
    'feature folder → another feature folder',
    'components/grading/__layers_fixture.tsx',
    "import { SideBadge } from '@/components/assignments/side-badge';",
    /does not import another feature folder/,
  ],
  [
    'feature folder → another feature folder, relative',
    COMPONENT,
    "import { DueDate } from '../assignments/due-date';",
    /does not import another feature folder/,
  ],
  // The editor's folders: no view imports another; the shared folder imports no view
  [
    'graph → outline',
    'components/map-graph/__layers_fixture.tsx',
    "import { ClaimRow } from '@/components/map-outline/claim-row';",
    /components\/map-graph may use only ui, map/,
  ],
  [
    'outline → graph',
    'components/map-outline/__layers_fixture.tsx',
    "import { MapGraph } from '@/components/map-graph/map-graph';",
    /components\/map-outline may use only/,
  ],
  [
    'shared folder → the shell',
    'components/map/__layers_fixture.tsx',
    "import { MapEditor } from '@/components/map-editor/map-editor';",
    /components\/map may use only ui/,
  ],
  [
    'comments panel → the outline',
    'components/map-comments/__layers_fixture.tsx',
    "import { ClaimRow } from '../map-outline/claim-row';",
    /components\/map-comments may use only/,
  ],
  [
    'classroom plug-in → the outline',
    'components/classroom-map/__layers_fixture.tsx',
    "import { ClaimRow } from '@/components/map-outline/claim-row';",
    /components\/classroom-map may use only/,
  ],
  [
    'another feature → the editor’s internals',
    'components/grading/__layers_fixture.tsx',
    "import { QuoteDialog } from '@/components/map-editor/quote-dialog';",
    /does not import another feature folder/,
  ],
  [
    'editor component → lib/server (type only)',
    EDITOR_COMPONENT,
    "import type { Db } from '@/lib/server/db';",
    /Components do not/,
  ],
  // lib/: never components/ or app/
  [
    'lib/server → components',
    'lib/server/__layers_fixture.ts',
    "import { Button } from '@/components/ui/button';",
    /lib\/ never imports components\/ or app\//,
  ],
  [
    'lib/schemas → app',
    'lib/schemas/__layers_fixture.ts',
    "import Page from '@/app/page';",
    /lib\/ never imports/,
  ],
  [
    'lib/domain → components, relative',
    DOMAIN,
    "import { Button } from '../../../components/ui/button';",
    /lib\/ never imports/,
  ],
];

const allowed: [string, string, string][] = [
  [
    'domain → zod and domain',
    DOMAIN,
    "import { z } from 'zod';\nimport { truncate } from '../text';",
  ],
  [
    'page → lib/server data functions, withDb, components',
    PAGE,
    [
      "import { MapEditor } from '@/components/map-editor/map-editor';",
      "import { getMapForMember } from '@/lib/server/maps';",
      "import { withDb } from '@/lib/server/with-db';",
      "await withDb(getMapForMember, { userId: 'u', mapId: 'm' });",
    ].join('\n'),
  ],
  [
    'component → domain, schemas, actions, ui',
    COMPONENT,
    [
      "import type { MapView } from '@/lib/domain/views';",
      "import { mapTitle } from '@/lib/schemas/map';",
      "import { renameMapAction } from '@/lib/actions/maps';",
      "import { Button } from '@/components/ui/button';",
    ].join('\n'),
  ],
  [
    'lib/server → db, generated, domain',
    'lib/server/__layers_fixture.ts',
    [
      "import { db } from './db';",
      "import type { PrismaClient } from '@/lib/generated/prisma/client';",
      "import { truncate } from '@/lib/domain/text';",
    ].join('\n'),
  ],
  [
    'feature folder → itself, ui/, shared components/*.tsx',
    'components/grading/__layers_fixture.tsx',
    [
      "import { GradeForm } from './grade-form';",
      "import { Button } from '@/components/ui/button';",
      "import { SideTabs } from '@/components/side-tabs';",
    ].join('\n'),
  ],
  // The editor: components/map is shared; the shell puts the views together.
  [
    'feature folder → the editor’s shared folder',
    'components/grading/__layers_fixture.tsx',
    "import { StanceBadge } from '@/components/map/stance-badge';",
  ],
  [
    'editor shell → views, panels, shared, article parts',
    EDITOR_COMPONENT,
    [
      "import { EditorSide } from '@/components/map-outline/editor-side';",
      "import { MapGraph } from '@/components/map-graph/map-graph';",
      "import { CommentsPanel } from '@/components/map-comments/comments-panel';",
      "import { useSession } from '@/components/map/session';",
      "import { ArticleBody } from '@/components/debate/article-body';",
    ].join('\n'),
  ],
  [
    'a view → the shared folder and ui/',
    'components/map-graph/__layers_fixture.tsx',
    [
      "import { CommandButton } from '@/components/map/command-button';",
      "import { Button } from '@/components/ui/button';",
    ].join('\n'),
  ],
  [
    'the classroom’s plug-in → the shared folder',
    'components/classroom-map/__layers_fixture.tsx',
    "import { ClaimExtrasContext } from '@/components/map/claim-extras';",
  ],
];

describe('layer rules (eslint.layers.mjs)', () => {
  it.each(refused)('refuses %s', async (_name, file, code, message) => {
    const errors = await layerErrors(file, code);
    expect(errors.length, `no layer error for ${file}:\n${code}`).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(message);
  });

  it.each(allowed)('allows %s', async (_name, file, code) => {
    // A path that no longer resolves would pass for the wrong reason: each must be a file.
    for (const [, target] of code.matchAll(/from '@\/([^']+)'/g)) {
      const base = path.join(root, target!);
      const found = ['.ts', '.tsx', '/index.ts'].some((ext) => fs.existsSync(base + ext));
      expect(found, `@/${target} is no file`).toBe(true);
    }
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
