/** An error shown under a field and announced; link it to the field with aria-describedby. */
export function FieldError({ id, messages }: { id: string; messages?: string[] | string | null }) {
  const list = Array.isArray(messages) ? messages : messages ? [messages] : [];
  return (
    <div id={id} aria-live="polite" className="min-h-0">
      {list.map((m) => (
        <p key={m} className="mt-1 text-sm text-con-800">
          {m}
        </p>
      ))}
    </div>
  );
}
