import { jwksResponse } from '@/lib/server/lti/routes';
import { withDb } from '@/lib/server/with-db';

// The tool's public keys (JWKS), for the LMS to verify what the tool signs.
export const GET = () => withDb(jwksResponse);
