import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { moveClaim, type TreeNode } from './domain/argument-tree';
import { checkCrossLink } from './domain/cross-links';
import { appError, errorCodeOf, errorReasons, errorWords, type ErrorReason } from './error-words';
import { AppError } from './errors';

/** Details that every reason with words to fill in accepts. */
const SAMPLE = { what: 'quote', count: 2, title: 'An article' } as const;
const OTHER = { what: 'comment', count: 3, title: 'Another article' } as const;
const wordsOf = (reason: ErrorReason, details: typeof SAMPLE | typeof OTHER = SAMPLE) =>
  (errorWords as (r: ErrorReason, d: typeof details) => string)(reason, details);

describe('error words', () => {
  it('gives every reason a code and a sentence', () => {
    expect(errorReasons.length).toBeGreaterThan(20);
    for (const reason of errorReasons) {
      const words = wordsOf(reason);
      expect(words, reason).toMatch(/^[A-Z“].{8,}[.!?]$/s);
      expect(words, reason).not.toMatch(/undefined|\[object/);
      expect(errorCodeOf(reason)).toMatch(/^[A-Z_]+$/);
    }
  });

  it('makes errors whose message is the words, with the code and the reason', () => {
    const error = appError('quote.notInArticle', { title: 'Olympic Charm' });
    expect(error).toBeInstanceOf(AppError);
    expect(error.message).toBe(errorWords('quote.notInArticle', { title: 'Olympic Charm' }));
    expect(error.message).toMatch(/^That passage is not in “Olympic Charm”\./);
    expect(error.code).toBe('INVALID');
    expect(error.field).toBe('quote');
    expect(error.reason).toBe('quote.notInArticle');
    expect(error.details).toEqual({ title: 'Olympic Charm' });
    expect(errorWords('claim.unseenReplies', { count: 1 })).toMatch(/^Someone added a reply /);
    expect(errorWords('claim.unseenReplies', { count: 3 })).toMatch(/^Someone added 3 replies /);
  });

  it('says "the claim is gone" in one wording, in the editor’s checks and the server’s', () => {
    const claims: TreeNode[] = [
      { id: 'a1', thesisId: 'A', parentId: null, stance: 'pro', order: 'a0' },
      { id: 'b1', thesisId: 'B', parentId: null, stance: 'pro', order: 'a0' },
    ];
    const gone = errorWords('claim.gone');
    expect(() => checkCrossLink(claims, [], 'zz', { claimId: 'b1' })).toThrow(gone);
    expect(() => moveClaim(claims, 'zz', { thesisId: 'A', parentId: null })).toThrow(gone);
    // The wordings this replaced, from the domain, the claim operations, ratings and feedback.
    const retired = [
      /no longer exists\. Reload to see the map/,
      /That claim is not in this map/,
      /This claim was deleted \(perhaps in another tab\)/,
      /That claim no longer exists/,
    ];
    for (const [file, text] of sources()) {
      for (const old of retired) expect(text, file).not.toMatch(old);
    }
  });

  it('is the only place where a reason’s words are written', () => {
    // Still to move: lib/server/maps.ts says "map.gone" in its own words (it is being reworked
    // elsewhere at the time of writing; it should throw appError('map.gone')).
    const pending = new Set(['lib/server/maps.ts map.gone']);
    const fixed = errorReasons.filter((r) => wordsOf(r) === wordsOf(r, OTHER));
    expect(fixed).toContain('claim.gone');
    for (const [file, text] of sources()) {
      for (const reason of fixed) {
        if (pending.has(`${file} ${reason}`)) continue;
        expect(text.includes(wordsOf(reason)), `${file}: ${reason}`).toBe(false);
      }
    }
  });
});

/** Every source file under lib/ but this module, its test and the generated client. */
function sources(): [string, string][] {
  const root = path.resolve(import.meta.dirname, '..');
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (rel !== 'lib/generated') walk(rel);
      } else if (/\.tsx?$/.test(entry.name) && !/^lib\/error-words(\.test)?\.ts$/.test(rel)) {
        out.push([rel, readFileSync(path.join(root, rel), 'utf8')]);
      }
    }
  };
  walk('lib');
  return out;
}
