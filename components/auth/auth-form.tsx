'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { FieldError } from '@/components/ui/field-error';
import { signInAction, signUpAction, type AuthFormState } from '@/lib/actions/auth';
import { PASSWORD_MIN } from '@/lib/schemas/auth';
import { cardInputClass, FormAlert, SubmitButton } from '@/components/ui/form-parts';

/** Sign-up and sign-in share one form. */
export function AuthForm({ mode, next }: { mode: 'sign-in' | 'sign-up'; next: string }) {
  const [state, action, pending] = useActionState<AuthFormState, FormData>(
    mode === 'sign-up' ? signUpAction : signInAction,
    null,
  );
  const errors = state?.fieldErrors ?? {};
  const formError = state && !Object.keys(errors).length ? state.message : null;
  const field = (name: string) => ({
    id: name,
    name,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': `${name}-error${name === 'password' && mode === 'sign-up' ? ' password-hint' : ''}`,
    className: cardInputClass,
  });

  return (
    <ActionForm
      // Without scripts a plain POST to the server action (React renders method="post"); the
      // page comes back with the refusal, or the action redirects. Nothing typed goes into the URL.
      action={action}
      className="space-y-4"
      noValidate
    >
      <input type="hidden" name="next" value={next} />
      {mode === 'sign-up' && (
        <div>
          <label htmlFor="name" className="block text-sm font-medium text-stone-800">
            Your name
          </label>
          <input
            {...field('name')}
            autoComplete="name"
            defaultValue={state?.values.name}
            required
          />
          <FieldError id="name-error" messages={errors.name} />
        </div>
      )}
      {mode === 'sign-up' ? (
        <div>
          <label htmlFor="email" className="block text-sm font-medium text-stone-800">
            Email
          </label>
          <input
            {...field('email')}
            type="email"
            autoComplete="email"
            defaultValue={state?.values.email}
            required
          />
          <FieldError id="email-error" messages={errors.email} />
        </div>
      ) : (
        <div>
          <label htmlFor="identifier" className="block text-sm font-medium text-stone-800">
            Email or username
          </label>
          <input
            {...field('identifier')}
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            defaultValue={state?.values.email}
            required
          />
          <FieldError id="identifier-error" messages={errors.identifier} />
        </div>
      )}
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-stone-800">
          Password
        </label>
        <input
          {...field('password')}
          type="password"
          autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
          required
          minLength={mode === 'sign-up' ? PASSWORD_MIN : undefined}
        />
        {mode === 'sign-up' && (
          <p id="password-hint" className="mt-1 text-sm text-stone-600">
            At least {PASSWORD_MIN} characters.
          </p>
        )}
        <FieldError id="password-error" messages={errors.password} />
        {mode === 'sign-in' && (
          <p className="mt-1 text-sm">
            <Link href="/forgot-password" className="text-stone-700 underline">
              Forgot your password?
            </Link>
          </p>
        )}
      </div>
      {mode === 'sign-up' && <AccountKindChoice defaultValue={state?.values.accountKind} />}
      <div aria-live="assertive">
        <FormAlert>{formError}</FormAlert>
      </div>
      <SubmitButton pending={pending} wide>
        {mode === 'sign-up' ? 'Create account' : 'Sign in'}
      </SubmitButton>
      <p className="text-center text-sm text-stone-700">
        {mode === 'sign-up' ? (
          <>
            Have an account?{' '}
            <Link
              href={`/sign-in?next=${encodeURIComponent(next)}`}
              className="font-medium underline"
            >
              Sign in
            </Link>
          </>
        ) : (
          <>
            New here?{' '}
            <Link
              href={`/sign-up?next=${encodeURIComponent(next)}`}
              className="font-medium underline"
            >
              Create an account
            </Link>
          </>
        )}
      </p>
    </ActionForm>
  );
}

const KINDS = [
  { value: 'student', label: 'I am a student', hint: 'Join your teacher’s classes with a code.' },
  {
    value: 'teacher',
    label: 'I am a teacher',
    hint: 'Create classes, debates and assignments.',
  },
] as const;

/** Student or teacher: a radio group, student unless chosen otherwise. */
function AccountKindChoice({ defaultValue }: { defaultValue?: string }) {
  const checked = defaultValue === 'teacher' ? 'teacher' : 'student';
  return (
    <fieldset>
      <legend className="block text-sm font-medium text-stone-800">Account type</legend>
      <div className="mt-1 grid gap-2 sm:grid-cols-2">
        {KINDS.map((kind) => (
          <label
            key={kind.value}
            className="flex cursor-pointer items-start gap-2 rounded-md border border-stone-300 p-2 text-sm has-[:checked]:border-stone-900 has-[:checked]:bg-stone-50"
          >
            <input
              type="radio"
              name="accountKind"
              value={kind.value}
              defaultChecked={kind.value === checked}
              aria-describedby={`kind-${kind.value}-hint`}
              className="mt-1"
            />
            <span>
              <span className="block font-medium text-stone-900">{kind.label}</span>
              <span id={`kind-${kind.value}-hint`} className="block text-stone-600">
                {kind.hint}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
