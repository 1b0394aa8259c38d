import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from './auth';

/** The settings page's password change: the current password, and the new one twice. */
export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string()
      .min(1, 'Enter your current password.')
      .max(PASSWORD_MAX, 'That password is too long.'),
    newPassword: z
      .string()
      .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters for your new password.`)
      .max(PASSWORD_MAX, `Keep your new password under ${PASSWORD_MAX} characters.`),
    confirm: z.string().max(PASSWORD_MAX),
  })
  .refine((v) => v.newPassword === v.confirm, {
    message: 'The two new passwords are not the same.',
    path: ['confirm'],
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    message: 'Choose a password different from the current one.',
    path: ['newPassword'],
  });

/** The settings page's choice of emailed notifications: a ticked box sends "on", none nothing. */
export const emailNotificationsSchema = z
  .object({ emailNotifications: z.literal('on').optional() })
  .transform((v) => ({ on: v.emailNotifications === 'on' }));
