import { memo } from 'react';
import type { Block } from '@/lib/domain/views';
import { segmentText, type MarkRange } from '@/lib/domain/text-segments';

interface ArticleBodyProps {
  sourceId: string;
  blocks: Block[];
  /** Marked ranges by block index. */
  marks?: Record<number, MarkRange[]>;
  /** The block holding the highlighted passage; it can take focus so readers land on it. */
  highlightBlock?: number;
}

const sameMarks = (a: ArticleBodyProps['marks'] = {}, b: ArticleBodyProps['marks'] = {}) => {
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((k) => {
      const x = a[Number(k)] ?? [];
      const y = b[Number(k)] ?? [];
      return (
        x.length === y.length &&
        x.every((m, i) => m.start === y[i]!.start && m.end === y[i]!.end && m.kind === y[i]!.kind)
      );
    })
  );
};

/**
 * An article's paragraphs, headings and block quotes, with quoted passages marked. Memoized on
 * the marks' content: a long article is not redrawn for every change to the map beside it.
 */
export const ArticleBody = memo(
  ArticleBodyView,
  (a, b) =>
    a.sourceId === b.sourceId &&
    a.blocks === b.blocks &&
    a.highlightBlock === b.highlightBlock &&
    sameMarks(a.marks, b.marks),
);

/** The article's own element and the classes of each kind of block (article-html.ts too). */
export const ARTICLE_CLASS = 'space-y-4 font-serif text-[1.05rem] leading-relaxed text-stone-800';
export const BLOCK_CLASS = {
  heading: 'pt-2 font-sans text-lg font-semibold text-stone-900',
  quote: 'border-l-4 border-stone-300 pl-4 italic text-stone-700',
} as const;

function ArticleBodyView({ sourceId, blocks, marks = {}, highlightBlock }: ArticleBodyProps) {
  return (
    <div data-article={sourceId} className={ARTICLE_CLASS}>
      {blocks.map((block, i) => {
        const content = segmentText(block.text, marks[i] ?? []).map((seg, j) =>
          seg.kind ? (
            <mark
              key={j}
              className={seg.kind === 'highlight' ? 'quote-highlight' : 'quote-anchored'}
            >
              {seg.text}
            </mark>
          ) : (
            seg.text
          ),
        );
        const common = {
          'data-block': i,
          tabIndex: highlightBlock === i ? -1 : undefined,
          id: `${sourceId}-block-${i}`,
        };
        if (block.type === 'heading') {
          return (
            <h4 key={i} {...common} className={BLOCK_CLASS.heading}>
              {content}
            </h4>
          );
        }
        if (block.type === 'quote') {
          return (
            <blockquote key={i} {...common} className={BLOCK_CLASS.quote}>
              {content}
            </blockquote>
          );
        }
        return (
          <p key={i} {...common}>
            {content}
          </p>
        );
      })}
    </div>
  );
}
