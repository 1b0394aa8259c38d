'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ActionResult } from '@/lib/errors';
import { changePasswordSchema, emailNotificationsSchema } from '@/lib/schemas/account';
import {
  changePassword,
  setEmailNotifications,
  signOutEverywhere,
} from '@/lib/server/account-settings';
import { db } from '@/lib/server/db';
import { requireUser } from '@/lib/server/session';
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

/** What the emailed-notifications form shows after saving: the choice now, or why not. */
export type EmailNotificationsState = ActionResult<{ on: boolean }> | null;

export async function emailNotificationsAction(
  _prev: EmailNotificationsState,
  form: FormData,
): Promise<EmailNotificationsState> {
  return runAction(emailNotificationsSchema, formToObject(form), async ({ on }) => {
    const user = await requireUser();
    return setEmailNotifications(db, { userId: user.id, on });
  });
}
