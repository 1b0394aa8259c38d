'use client';

import { useId } from 'react';
import { plural } from '@/lib/format';
import { showsAuthors } from '@/lib/editor/authors';
import { keysOf } from '@/lib/editor/keys';
import { useEditorState, useSession } from './session';

/**
 * "Author": whose claims the map shows plainly, in the outline and the graph alike; everyone
 * else's are dimmed (screen.author in the editor session). Offered where the map has claims by
 * someone other than the person reading it; names are as the reader may see them (pseudonyms for
 * a student in an anonymous assignment). The `byAuthor` command does the same from a claim (A).
 */
export function AuthorFilter() {
  const session = useSession();
  const { authors, screen, claims } = useEditorState();
  const id = useId();
  if (!authors || !showsAuthors(authors, session.me?.id ?? null)) return null;
  const chosen = screen.author;
  const known = authors.people.some((p) => p.id === chosen);
  return (
    // On a phone it shares a row with the view switch when 10rem are left for it (else it takes a
    // row of its own), its label read out but not shown ("Everyone (12 claims)" says what it is).
    <div className="flex min-w-0 items-center gap-2 max-sm:flex-[1_1_10rem]" data-no-print>
      <label htmlFor={id} className="shrink-0 text-sm font-semibold text-stone-800 max-sm:sr-only">
        Author
      </label>
      <select
        id={id}
        value={chosen && known ? chosen : ''}
        onChange={(e) => session.filterByAuthor(e.target.value || null)}
        aria-describedby={`${id}-hint`}
        className={`min-h-9 min-w-0 max-w-60 rounded-md border max-sm:w-full max-sm:max-w-none px-2 py-1 text-sm ${chosen ? 'border-sky-700 bg-sky-50 font-semibold text-sky-950' : 'border-stone-400 bg-white'}`}
        data-author-filter
      >
        <option value="">Everyone ({plural(claims.length, 'claim')})</option>
        {authors.people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.id === session.me?.id ? `${p.name} (you)` : p.name} ({p.claims})
          </option>
        ))}
      </select>
      <span id={`${id}-hint`} className="sr-only">
        Shows one person’s claims plainly and dims the others. On a claim, {keysOf('byAuthor')} does
        the same for its author.
      </span>
    </div>
  );
}
