import 'server-only';
import type { BetterAuthOptions } from 'better-auth';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import {
  emailVerified,
  refusal,
  SCHOOL_PROVIDER_ID,
  schoolSignInMessage,
  type SchoolSignInConfig,
} from '@/lib/domain/school-sign-in';
import { db } from '../db';
import { settleSchoolAccount } from './accounts';

/**
 * What better-auth needs for "Sign in with <school>": its generic OAuth plugin on the provider's
 * discovery document (authorization code flow with PKCE, a nonce, and the ID token verified
 * against the provider's published keys and issuer: no provider is registered whose discovery
 * gives no keys), a check of every sign-in's claims before an account is made, joined or signed
 * in, and the account settled (teacher or student, first admin) before the session starts.
 */
export function schoolSignInOptions(config: SchoolSignInConfig, baseUrl: string) {
  const plugin = genericOAuth({
    config: [
      {
        providerId: SCHOOL_PROVIDER_ID,
        name: config.name,
        discoveryUrl: `${config.issuer}/.well-known/openid-configuration`,
        requireIdTokenVerification: true,
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        scopes: ['openid', 'email', 'profile'],
        mapProfileToUser: (profile) => ({
          name:
            (typeof profile.name === 'string' && profile.name.trim()) ||
            [profile.given_name, profile.family_name]
              .filter((p) => typeof p === 'string')
              .join(' ') ||
            String(profile.email ?? '').split('@')[0] ||
            'Student',
          // Entra ID sends no email_verified; its optional claim xms_edov says the same thing.
          emailVerified:
            emailVerified(profile) || profile.xms_edov === true || profile.xms_edov === 'true',
        }),
      },
    ],
  });

  const options = {
    // Every refusal of the callback lands on the sign-in page with ?error=<code>, which says
    // what happened in words (schoolSignInMessage); a callback whose state cannot be read has
    // no error address of its own and comes here too.
    onAPIError: { errorURL: `${baseUrl}/sign-in` },
    // An existing account is joined only when the address is proven on both sides: the provider
    // says it verified it (email_verified), and this app knows the account's owner reads it
    // (better-auth's default requireLocalEmailVerified; a reset link used, or an account made
    // by the school's sign-in itself, proves it). Otherwise someone who signed up with a
    // password on a teacher's address before the teacher came would share their account.
    user: {
      validateUserInfo: ({ user, source }) => {
        if (source.method !== 'oauth' || source.oauth?.providerId !== SCHOOL_PROVIDER_ID) return;
        const claims = { ...(source.oauth.profile ?? {}), email: user.email };
        const refused = refusal(config, claims, source.action);
        if (refused)
          return { error: refused, errorDescription: schoolSignInMessage(config, refused) };
      },
    },
    databaseHooks: {
      session: {
        create: {
          before: async (session, ctx) => {
            if (ctx?.path !== '/callback/:id' || ctx.params?.id !== SCHOOL_PROVIDER_ID) return;
            await settleSchoolAccount(db, config, session.userId);
          },
        },
      },
    },
  } satisfies BetterAuthOptions;
  return { plugin, options };
}
