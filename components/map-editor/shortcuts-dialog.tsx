'use client';

import { Dialog } from '@/components/ui/dialog';
import { COMMANDS } from '@/lib/editor/commands';

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts" wide>
      <p className="mb-3 text-sm text-stone-700">
        Select a claim (click it, or Tab to the map and use the arrow keys), then press:
      </p>
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-stone-200">
            <th scope="col" className="py-1 pr-4 font-semibold">
              Keys
            </th>
            <th scope="col" className="py-1 font-semibold">
              Does
            </th>
          </tr>
        </thead>
        <tbody>
          {COMMANDS.map((c) => (
            <tr key={c.id} className="border-b border-stone-100">
              <td className="py-1 pr-4">
                <span className="flex flex-wrap gap-1">
                  {(c.id === 'rate' ? [{ label: '1 – 5, 0' }] : c.keys).map((chord) => (
                    <kbd
                      key={chord.label}
                      className="whitespace-nowrap rounded border border-stone-300 bg-stone-50 px-1.5 py-0.5 font-mono text-xs"
                    >
                      {chord.label}
                    </kbd>
                  ))}
                </span>
              </td>
              <td className="py-1">{c.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 text-sm text-stone-700">
        On a thesis card, P and C add a pro or con to the thesis.
      </p>
    </Dialog>
  );
}
