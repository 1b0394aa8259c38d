'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { credentialsCsv } from '@/lib/domain/classroom/csv';
import { clearCodes, loadCodes, type CodesBatch } from './student-codes-store';

/**
 * One card per student (name, username, password, where to sign in), laid out to print cleanly
 * and cut apart, with Print and Download CSV. The codes come from this tab's storage: they are
 * shown once, right after they are made.
 */
export function StudentCodesSheet({
  classId,
  className,
  signInUrl,
}: {
  classId: string;
  className: string;
  signInUrl: string;
}) {
  const [batch, setBatch] = useState<CodesBatch | null | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  const classPath = `/classes/${encodeURIComponent(classId)}`;

  useEffect(() => {
    // sessionStorage exists only in the browser: read it once the page is there.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setBatch(loadCodes(classId));
    heading.current?.focus();
  }, [classId]);

  function download() {
    if (!batch) return;
    const blob = new Blob([credentialsCsv(batch.students, signInUrl)], {
      type: 'text/csv;charset=utf-8',
    });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${className.replace(/[^\w -]+/g, '').trim() || 'class'} sign-in codes.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <div className="space-y-2 print:hidden">
        <p className="text-sm text-stone-600">
          <Link href={classPath} className="underline">
            Back to {className}
          </Link>
        </p>
        <h1 ref={heading} tabIndex={-1} className="text-2xl font-bold break-words">
          Sign-in codes: {className}
        </h1>
        {batch && (
          <>
            <p className="text-stone-700">
              {batch.title}. These passwords are shown <strong>only now</strong>: print the cards or
              download them before you leave this page. If one is lost, give that student a new
              password from the class page.
            </p>
            <div className="flex flex-wrap gap-2">
              <Button variant="primary" onClick={() => window.print()}>
                Print
              </Button>
              <Button onClick={download}>Download CSV</Button>
              <Button
                onClick={() => {
                  clearCodes(classId);
                  setBatch(null);
                }}
              >
                Done, forget them
              </Button>
            </div>
          </>
        )}
      </div>
      {batch === null && (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700 print:hidden">
          No new passwords to show. Passwords are shown once, right after you add students or give
          them new passwords, in the tab where you did it. From the{' '}
          <Link href={classPath} className="font-medium underline">
            class page
          </Link>{' '}
          you can make new ones.
        </p>
      )}
      {batch && (
        <ul
          aria-label="Sign-in cards"
          className="grid gap-3 lg:grid-cols-2 print:grid-cols-2 print:gap-0"
        >
          {batch.students.map((s) => (
            <li
              key={s.username}
              data-code-card
              className="break-inside-avoid rounded-lg border-2 border-dashed border-stone-400 bg-white p-4 print:rounded-none print:border print:p-5"
            >
              <p className="text-xs font-medium tracking-wide text-stone-600 uppercase">
                {className}
              </p>
              <p data-code-name className="mt-1 text-lg font-bold break-words text-stone-900">
                {s.name}
              </p>
              {/* Each on one line, under its label: a password split at a hyphen gets typed wrong
                  (the longest, three 8-letter words and two digits, fits a 360 px phone). */}
              <dl className="mt-2 space-y-1">
                <dt className="text-sm text-stone-600">Username</dt>
                <dd className="font-mono text-base break-all text-stone-900 sm:text-lg print:text-base">
                  {s.username}
                </dd>
                <dt className="text-sm text-stone-600">Password</dt>
                <dd className="font-mono text-base whitespace-nowrap text-stone-900 sm:text-lg print:text-base">
                  {s.password}
                </dd>
              </dl>
              <p className="mt-2 text-sm break-all text-stone-700">
                Sign in at <span className="font-medium">{signInUrl}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
