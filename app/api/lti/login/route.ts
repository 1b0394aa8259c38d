import { loginResponse } from '@/lib/server/lti/routes';
import { withDb } from '@/lib/server/with-db';

// OIDC third-party login initiation from an LMS (LTI 1.3): GET or POST.
export const GET = (request: Request) => withDb(loginResponse, request);
export const POST = (request: Request) => withDb(loginResponse, request);
