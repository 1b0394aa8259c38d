'use server';

import { redirect } from 'next/navigation';
import { safeRedirect } from '@/lib/domain/safe-redirect';
import type { ActionResult } from '@/lib/errors';
import { signInSchema, signUpSchema } from '@/lib/schemas/auth';
import { signIn, signOut, signUp } from '@/lib/server/sign-in';
import { formToObject, runAction } from './run-action';

/**
 * What the sign-in and sign-up forms show after a refusal: the reason, and what was typed (never
 * the password). Without JavaScript the page is rendered again from this state, so it carries
 * the values the form should be filled with.
 */
export type AuthFormState =
  (Extract<ActionResult, { ok: false }> & { values: { name: string; email: string } }) | null;

/** On success, on to `next` (only ever a page of this app); otherwise the refusal for the form. */
function finish(form: FormData, result: ActionResult): AuthFormState {
  if (result.ok) redirect(safeRedirect(form.get('next')));
  const typed = (name: string) => {
    const value = form.get(name);
    // Echoed into the page: a sane length is enough to correct a typo.
    return typeof value === 'string' ? value.slice(0, 320) : '';
  };
  return { ...result, values: { name: typed('name'), email: typed('email') } };
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
