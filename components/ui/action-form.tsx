'use client';

import { startTransition, type ComponentProps } from 'react';

/**
 * A form that posts to a server action (from `useActionState`). Without JavaScript it posts
 * through `action=`; once scripts run, it submits by hand, because React resets a form after an
 * `action=` submission and everything typed (a password too) would be lost when the server says
 * no.
 */
export function ActionForm({
  action,
  ...props
}: Omit<ComponentProps<'form'>, 'action' | 'onSubmit'> & { action: (data: FormData) => void }) {
  return (
    <form
      {...props}
      action={action}
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => action(data));
      }}
    />
  );
}
