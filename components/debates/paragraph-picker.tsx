import type { PastedParagraph } from '@/lib/domain/classroom/article-text';
import { FieldError } from '@/components/ui/field-error';
import { Button } from '@/components/ui/button';

/**
 * An article's paragraphs as a checklist: ticked ones are saved. What looks like page furniture
 * starts unticked, with the reason beside it.
 */
export function ParagraphPicker({
  n,
  title,
  paragraphs,
  kept,
  onToggle,
  onAll,
  errors,
}: {
  n: 1 | 2;
  title: string;
  paragraphs: PastedParagraph[];
  kept: boolean[];
  onToggle: (index: number, keep: boolean) => void;
  onAll: (keep: boolean | 'default') => void;
  errors?: string[];
}) {
  const count = kept.filter(Boolean).length;
  const headingId = `preview-side-${n}`;
  return (
    <section
      aria-labelledby={headingId}
      className="min-w-0 rounded-lg border border-stone-300 bg-white"
    >
      <div className="space-y-2 border-b border-stone-200 p-4">
        <h3 id={headingId} className="text-base font-bold text-stone-900">
          Side {n}: {title}
        </h3>
        <p className="text-sm text-stone-700" aria-live="polite">
          {count} of {paragraphs.length} paragraphs kept
        </p>
        <div className="flex flex-wrap gap-2">
          <Button size="sm" onClick={() => onAll(true)}>
            Tick all
          </Button>
          <Button size="sm" onClick={() => onAll('default')}>
            Untick page furniture
          </Button>
        </div>
        <FieldError id={`preview-${n}-error`} messages={errors} />
      </div>
      <ol className="divide-y divide-stone-200">
        {paragraphs.map((p, i) => {
          const on = kept[i] ?? true;
          const id = `p${n}-${i}`;
          return (
            <li key={i} className={`flex gap-3 p-3 sm:px-4 ${on ? '' : 'bg-stone-100'}`}>
              <input
                id={id}
                type="checkbox"
                checked={on}
                onChange={(e) => onToggle(i, e.target.checked)}
                aria-describedby={p.furniture ? `${id}-why` : undefined}
                className="mt-0.5 h-5 w-5 shrink-0 accent-stone-900"
              />
              <div className="min-w-0 flex-1 space-y-1">
                <label
                  htmlFor={id}
                  className={`block cursor-pointer break-words ${p.type === 'heading' ? 'font-semibold' : ''} ${on ? 'text-stone-900' : 'text-stone-600 line-through decoration-stone-400'}`}
                >
                  {p.text}
                </label>
                {p.furniture && (
                  <p id={`${id}-why`} className="text-xs font-medium text-amber-900">
                    Looks like {p.furniture}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
