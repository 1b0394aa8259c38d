import { z } from 'zod';
import { ACCOUNT_KINDS } from '@/lib/domain/capabilities';
import { isManagedEmail } from '@/lib/domain/classroom/usernames';
import { linkToken } from './ids';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address.')
  .max(254, 'That email address is too long.')
  .pipe(z.email('Enter an email address like name@school.org.'));

const newPassword = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters for your password.`)
  .max(PASSWORD_MAX, `Keep your password under ${PASSWORD_MAX} characters.`);

export const signUpSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(80, 'Keep your name under 80 characters.'),
  // Placeholder addresses of managed student accounts are the server's own.
  email: email.refine((e) => !isManagedEmail(e), 'Use an email address you can read.'),
  password: newPassword,
  accountKind: z.enum(ACCOUNT_KINDS, 'Choose student or teacher.').default('student'),
});

/** An email address (has an @) or a managed student's username, lower-cased. */
export const signInSchema = z.object({
  identifier: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'Enter your email address or username.')
    .max(254, 'That is too long for an email address or username.')
    .refine(
      (v) => !v.includes('@') || z.email().safeParse(v).success,
      'Enter an email address like name@school.org, or your username.',
    ),
  password: z
    .string()
    .min(1, 'Enter your password.')
    .max(PASSWORD_MAX, 'That password is too long.'),
});

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z
  .object({
    token: linkToken(8, 128, 'This reset link is incomplete.'),
    password: newPassword,
    confirm: z.string().max(PASSWORD_MAX),
  })
  .refine((v) => v.password === v.confirm, {
    message: 'The two passwords are not the same.',
    path: ['confirm'],
  });
