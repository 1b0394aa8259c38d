'use client';

/** A refusal or failure the person must see, with a way to put it away. */
export function ErrorBanner({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  return (
    <div
      role="alert"
      className="flex items-start justify-between gap-3 rounded-md border border-con-600 bg-con-50 px-3 py-2 text-sm text-con-800"
    >
      <p>{message}</p>
      <button type="button" onClick={onDismiss} className="font-medium underline">
        Dismiss
      </button>
    </div>
  );
}
