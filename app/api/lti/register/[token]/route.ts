import { completeRegistration, registrationPage } from '@/lib/server/lti/registration';
import { withDb } from '@/lib/server/with-db';

// Dynamic registration: the one-time link the admin made, opened by the LMS (lib/server/lti/registration.ts).
type Context = { params: Promise<{ token: string }> };

export const GET = async (request: Request, { params }: Context) =>
  withDb(registrationPage, request, (await params).token);
export const POST = async (request: Request, { params }: Context) =>
  withDb(completeRegistration, request, (await params).token);
