'use server';

import { redirect } from 'next/navigation';
import { safeRedirect } from '@/lib/domain/safe-redirect';
import type { ActionResult } from '@/lib/errors';
import {
  forgotPasswordSchema,
  resetPasswordSchema,
  signInSchema,
  signUpSchema,
} from '@/lib/schemas/auth';
import { mailIsSent } from '@/lib/server/mail';
import { requestPasswordReset, resetPassword, signIn, signOut, signUp } from '@/lib/server/sign-in';
import { formToObject, runAction } from './run-action';
import { clip } from '@/lib/domain/text';

/**
 * What the sign-in and sign-up forms show after a refusal: the reason, and what was typed (never
 * the password). Without JavaScript the page is rendered again from this state, so it carries
 * the values the form should be filled with.
 */
export type AuthFormState =
  | (Extract<ActionResult, { ok: false }> & {
      values: { name: string; email: string; accountKind: string };
    })
  | null;

/** On success, on to `next` (only ever a page of this app); otherwise the refusal for the form. */
function finish(form: FormData, result: ActionResult): AuthFormState {
  if (result.ok) redirect(safeRedirect(form.get('next')));
  const typed = (name: string) => {
    const value = form.get(name);
    // Echoed into the page: a sane length is enough to correct a typo.
    return typeof value === 'string' ? clip(value, 320) : '';
  };
  return {
    ...result,
    values: {
      name: typed('name'),
      // Sign-in's field holds an email address or a username.
      email: typed('email') || typed('identifier'),
      accountKind: typed('accountKind'),
    },
  };
}

export async function signUpAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const result = await runAction(signUpSchema, formToObject(form), async (input) => {
    await signUp(input);
    return null;
  });
  return finish(form, result);
}

export async function signInAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  const result = await runAction(signInSchema, formToObject(form), async (input) => {
    await signIn(input);
    return null;
  });
  return finish(form, result);
}

export async function signOutAction(): Promise<void> {
  await signOut();
  redirect('/');
}

/** What the forgot-password form shows: the refusal, or that a link is on its way. */
/** `mailed`: whether this server sends mail at all (the same for every address asked about). */
export type ResetFormState = (ActionResult & { email?: string; mailed?: boolean }) | null;

export async function forgotPasswordAction(
  _prev: ResetFormState,
  form: FormData,
): Promise<ResetFormState> {
  const input = formToObject(form);
  const result = await runAction(forgotPasswordSchema, input, async ({ email }) => {
    await requestPasswordReset({ email });
    return null;
  });
  return { ...result, email: clip(input.email ?? '', 320), mailed: mailIsSent() };
}

/** Sets the new password from a reset link, then on to sign in with it. */
export async function resetPasswordAction(
  _prev: ResetFormState,
  form: FormData,
): Promise<ResetFormState> {
  const result = await runAction(resetPasswordSchema, formToObject(form), async (input) => {
    await resetPassword(input);
    return null;
  });
  if (result.ok) redirect('/sign-in?reset=1');
  return result;
}
