import 'server-only';
import type { BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthEndpoint } from 'better-auth/api';
import { setSessionCookie } from 'better-auth/cookies';
import { z } from 'zod';

/**
 * Signs in the account an LMS launch named (lib/server/lti/session.ts): better-auth makes the
 * session and sets its cookie, exactly as its own sign-ins do. The endpoint is server-only: it is
 * reachable through `auth.api.signInLtiUser` from this server's code, never over HTTP (there is no
 * password: the launch's verified id_token is the proof, and only the launch route calls it).
 */
export const ltiSessions = () =>
  ({
    id: 'counterpoint-lti-session',
    endpoints: {
      signInLtiUser: createAuthEndpoint.serverOnly(
        { method: 'POST', body: z.object({ userId: z.string().min(1) }) },
        async (ctx) => {
          const user = await ctx.context.internalAdapter.findUserById(ctx.body.userId);
          if (!user) throw new APIError('NOT_FOUND', { message: 'No such account.' });
          const session = await ctx.context.internalAdapter.createSession(user.id);
          await setSessionCookie(ctx, { session, user });
          return ctx.json({ userId: user.id });
        },
      ),
    },
  }) satisfies BetterAuthPlugin;
