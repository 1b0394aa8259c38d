'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { ErrorBanner } from '@/components/ui/error-banner';
import { FieldError } from '@/components/ui/field-error';
import {
  createRegistrationLinkAction,
  registerPlatformAction,
  removePlatformAction,
  rotateKeysAction,
} from '@/lib/actions/lti';

const inputClass =
  'mt-1 block w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-sm';

/** Makes a one-time dynamic registration link and shows it to copy. */
export function RegistrationLinkButton() {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="space-y-2">
      <Button
        variant="primary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const result = await createRegistrationLinkAction();
          setBusy(false);
          if (result.ok) setUrl(result.data.url);
          else setError(result.message);
        }}
      >
        New registration link
      </Button>
      {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
      {url && (
        <div className="space-y-1 rounded-md border border-stone-200 bg-stone-50 p-3">
          <label className="block text-sm font-medium" htmlFor="registration-url">
            Registration URL (works once, for a week)
          </label>
          <input id="registration-url" readOnly value={url} className={`${inputClass} font-mono`} />
          <CopyButton text={url} label="Copy link" />
        </div>
      )}
    </div>
  );
}

/** Retires the signing key (published a day more) and makes a new one. */
export function RotateKeysButton() {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <Button
        onClick={async () => {
          if (!window.confirm('Make a new signing key? The current one stays published for a day.'))
            return;
          const result = await rotateKeysAction();
          if (result.ok) {
            setMessage('A new key signs from now on.');
            router.refresh();
          } else setError(result.message);
        }}
      >
        Rotate keys
      </Button>
      <p role="status" className="text-sm text-stone-600">
        {message}
      </p>
      {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
    </div>
  );
}

export function RemovePlatformButton({ platformId, name }: { platformId: string; name: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        size="sm"
        variant="danger"
        onClick={async () => {
          if (!window.confirm(`Remove ${name}? Its launches stop; classes and accounts stay.`))
            return;
          const result = await removePlatformAction({ platformId });
          if (result.ok) router.refresh();
          else setError(result.message);
        }}
      >
        Remove
      </Button>
      {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
    </>
  );
}

const FIELDS = [
  ['name', 'Name (for you)', 'Moodle of Riverside High', false],
  ['issuer', 'Issuer (Platform ID)', 'https://lms.example.edu', true],
  ['clientId', 'Client ID', '', true],
  ['deploymentIds', 'Deployment ID(s), separated by spaces', '', true],
  ['authLoginUrl', 'Authentication request URL (OIDC auth endpoint)', 'https://…/auth', true],
  ['tokenUrl', 'Access token URL', 'https://…/token', true],
  ['jwksUrl', 'Public keyset URL (JWKS)', 'https://…/jwks', true],
  ['tokenAudience', 'Token audience, if the LMS names one (optional)', '', false],
] as const;

/** Registers an LMS by hand (Blackboard, or any LMS without dynamic registration). */
export function PlatformForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="space-y-3"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = Object.fromEntries(
          FIELDS.map(([name]) => [name, String(new FormData(form).get(name) ?? '')]),
        ) as Record<(typeof FIELDS)[number][0], string>;
        const result = await registerPlatformAction(data);
        if (result.ok) {
          setErrors({});
          setMessage('Registered. Launches from this LMS are accepted now.');
          form.reset();
          router.refresh();
        } else {
          setErrors(result.fieldErrors ?? {});
          setError(result.message);
        }
      }}
    >
      {FIELDS.map(([name, label, placeholder, required]) => (
        <label key={name} className="block text-sm font-medium">
          {label}
          <input
            name={name}
            placeholder={placeholder}
            required={required}
            aria-invalid={errors[name] ? true : undefined}
            aria-describedby={errors[name] ? `${name}-error` : undefined}
            className={inputClass}
          />
          <FieldError id={`${name}-error`} messages={errors[name]} />
        </label>
      ))}
      {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
      <p role="status" className="text-sm text-stone-700">
        {message}
      </p>
      <Button type="submit" variant="primary">
        Register this LMS
      </Button>
    </form>
  );
}
