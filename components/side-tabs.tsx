'use client';

import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/**
 * The two sides of a debate: side by side from the md breakpoint up, and as two tabs on a phone.
 * `stacked`: one above the other from the lg breakpoint up (beside the map editor's reading pane),
 * tabs below it. Pass `active`/`onActiveChange` to switch sides from outside.
 */
export function SideTabs({
  labels,
  panels,
  active: controlled,
  onActiveChange,
  stacked = false,
}: {
  labels: [ReactNode, ReactNode];
  panels: [ReactNode, ReactNode];
  active?: 0 | 1;
  onActiveChange?: (side: 0 | 1) => void;
  stacked?: boolean;
}) {
  const [own, setOwn] = useState<0 | 1>(0);
  const active = controlled ?? own;
  const select = (side: 0 | 1) => (onActiveChange ? onActiveChange(side) : setOwn(side));
  const base = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft' || e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      const next: 0 | 1 = e.key === 'Home' ? 0 : e.key === 'End' ? 1 : active === 0 ? 1 : 0;
      select(next);
      tabs.current[next]?.focus();
    }
  };

  return (
    <div>
      <div
        role="tablist"
        aria-label="Sides of the debate"
        className={`mb-4 grid grid-cols-2 gap-1 rounded-lg bg-stone-200 p-1 ${stacked ? 'lg:hidden' : 'md:hidden'}`}
      >
        {labels.map((label, i) => (
          <button
            key={i}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            id={`${base}-tab-${i}`}
            role="tab"
            type="button"
            aria-selected={active === i}
            aria-controls={`${base}-panel-${i}`}
            tabIndex={active === i ? 0 : -1}
            onClick={() => select(i as 0 | 1)}
            onKeyDown={onKeyDown}
            className={`rounded-md px-2 py-2 text-sm font-semibold ${active === i ? 'bg-white text-stone-900 shadow' : 'text-stone-700'}`}
          >
            {label}
          </button>
        ))}
      </div>
      <div className={`grid grid-cols-1 gap-6 ${stacked ? '' : 'md:grid-cols-2'}`}>
        {panels.map((panel, i) => (
          <section
            key={i}
            id={`${base}-panel-${i}`}
            aria-labelledby={`${base}-tab-${i}`}
            className={`min-w-0 ${active === i ? '' : stacked ? 'hidden lg:block' : 'hidden md:block'}`}
          >
            {panel}
          </section>
        ))}
      </div>
    </div>
  );
}
