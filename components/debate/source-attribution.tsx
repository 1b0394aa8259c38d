import { formatCalendarDate } from '@/lib/format';
import { NO_WEB_ADDRESS } from '@/lib/domain/exchange/document';
import type { SourceView } from '@/lib/domain/views';

/** Title, byline, publisher, date, link and licence of an article, as its capture supports them. */
export function SourceAttribution({
  source,
  headingLevel = 3,
}: {
  source: SourceView;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="space-y-1">
      <p className="text-xs font-semibold uppercase tracking-wide text-stone-600">
        {source.publisher}
      </p>
      <Heading className="font-serif text-xl font-bold leading-snug text-stone-900">
        {source.title}
      </Heading>
      {source.standfirst && (
        <p className="font-serif text-base italic text-stone-700">{source.standfirst}</p>
      )}
      <p className="text-sm text-stone-700">
        By <span className="font-medium">{source.authors}</span>
        {source.authorsNote && <span className="text-stone-600"> ({source.authorsNote})</span>}
      </p>
      <p className="text-sm text-stone-700">
        {source.publishedOn ? (
          <time dateTime={source.publishedOn}>{formatCalendarDate(source.publishedOn)}</time>
        ) : (
          <span>{source.dateNote ?? 'Date unknown.'}</span>
        )}
      </p>
      <p className="text-sm text-stone-700">
        Original:{' '}
        {source.url ? (
          <a
            href={source.url}
            className="break-all text-blue-800 underline"
            rel="noreferrer"
            target="_blank"
          >
            {source.url}
          </a>
        ) : (
          <span className="italic">{NO_WEB_ADDRESS}.</span>
        )}
      </p>
      <p className="text-sm text-stone-700">
        Licence:{' '}
        {source.licence ? (
          source.licenceUrl ? (
            <a
              href={source.licenceUrl}
              className="text-blue-800 underline"
              rel="noreferrer license"
              target="_blank"
            >
              {source.licence}
            </a>
          ) : (
            source.licence
          )
        ) : (
          <span>
            none stated on the page; rights stay with {source.publisher}. Quoted here for study
            {source.url ? '; read the original at the link above.' : '.'}
          </span>
        )}
      </p>
    </div>
  );
}
