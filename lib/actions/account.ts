'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ActionResult } from '@/lib/errors';
import { changePasswordSchema } from '@/lib/schemas/account';
import { changePassword, signOutEverywhere } from '@/lib/server/account-settings';
import { formToObject, runAction } from './run-action';

/** What the password form shows after a refusal (on success: the page again, saying so). */
export type ChangePasswordState = ActionResult | null;

export async function changePasswordAction(
  _prev: ChangePasswordState,
  form: FormData,
): Promise<ChangePasswordState> {
  const result = await runAction(changePasswordSchema, formToObject(form), async (input) => {
    await changePassword({
      currentPassword: input.currentPassword,
      newPassword: input.newPassword,
    });
    return null;
  });
  // A fresh request, with the new session's cookie (the old session is gone).
  if (result.ok) redirect(`/settings?password=changed&at=${Date.now()}`);
  return result;
}

/** What the sign-out-everywhere form shows if it fails (on success: on to sign in). */
export type SignOutEverywhereState = ActionResult | null;

export async function signOutEverywhereAction(): Promise<SignOutEverywhereState> {
  const result = await runAction(z.object({}), {}, async () => {
    await signOutEverywhere();
    return null;
  });
  if (result.ok) redirect('/sign-in?signedOut=everywhere');
  return result;
}
