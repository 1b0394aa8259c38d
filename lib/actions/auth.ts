'use server';

import { redirect } from 'next/navigation';
import type { ActionResult } from '@/lib/errors';
import { signInSchema, signUpSchema } from '@/lib/schemas/auth';
import { signIn, signOut, signUp } from '@/lib/server/sign-in';
import { formToObject, runAction } from './run-action';

/** Where to go after signing in: only paths inside this app. */
function safeNext(value: FormDataEntryValue | null): string {
  const next = typeof value === 'string' ? value : '';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/maps';
}

export async function signUpAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const result = await runAction(signUpSchema, formToObject(form), async (input) => {
    await signUp(input);
    return null;
  });
  if (result.ok) redirect(safeNext(form.get('next')));
  return result;
}

export async function signInAction(
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const result = await runAction(signInSchema, formToObject(form), async (input) => {
    await signIn(input);
    return null;
  });
  if (result.ok) redirect(safeNext(form.get('next')));
  return result;
}

export async function signOutAction(): Promise<void> {
  await signOut();
  redirect('/');
}
