'use client';

import { Dialog } from '@/components/ui/dialog';
import type { ThesisView } from '@/lib/domain/views';

const FORMATS = [
  {
    format: 'markdown',
    label: 'Markdown outline',
    hint: 'nested list with quotes, for notes and documents',
  },
  { format: 'argdown', label: 'Argdown', hint: 'for the Argdown editor and tools' },
  { format: 'aif', label: 'AIF JSON', hint: 'Argument Interchange Format, for AIFdb and OVA' },
  {
    format: 'annotations',
    label: 'Web Annotations (JSON-LD)',
    hint: 'the quoted evidence, for Hypothesis and other annotation tools',
  },
];

const link = 'font-medium text-blue-800 underline';

/** Every way to take the map elsewhere, and the debate brief for either side. */
export function ExportDialog({
  basePath,
  theses,
  onClose,
}: {
  basePath: string;
  theses: ThesisView[];
  onClose: () => void;
}) {
  return (
    <Dialog open onClose={onClose} title="Export and brief" wide>
      <h3 className="text-sm font-semibold text-stone-800">Download the map</h3>
      <ul className="mt-2 space-y-2">
        {FORMATS.map((f) => (
          <li key={f.format}>
            <a href={`${basePath}/export/${f.format}`} download className={link}>
              {f.label}
            </a>
            <span className="text-sm text-stone-600"> — {f.hint}</span>
          </li>
        ))}
      </ul>
      <h3 className="mt-5 text-sm font-semibold text-stone-800">Debate brief</h3>
      <p className="text-sm text-stone-600">
        Your case strongest first, the objections to expect with your rebuttals, and the gaps still
        open.
      </p>
      <ul className="mt-2 space-y-2">
        {theses.map((t) => (
          <li key={t.id} className="text-sm">
            <span className="font-medium">
              Side {t.position + 1}: {t.label}
            </span>{' '}
            —{' '}
            <a href={`${basePath}/brief?side=${t.position + 1}`} className={link}>
              printable brief
            </a>{' '}
            ·{' '}
            <a
              href={`${basePath}/export/brief-pdf?side=${t.position + 1}`}
              download
              className={link}
            >
              PDF
            </a>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
