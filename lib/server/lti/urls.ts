import 'server-only';
import { baseUrl } from '../config';

/** The tool's addresses an LMS is given (the admin page lists them; registration sends them). */
export function toolUrls() {
  const base = baseUrl().replace(/\/+$/, '');
  return {
    base,
    login: `${base}/api/lti/login`,
    launch: `${base}/api/lti/launch`,
    jwks: `${base}/api/lti/jwks`,
    deepLinking: `${base}/api/lti/launch`,
    registration: (token: string) => `${base}/api/lti/register/${token}`,
  };
}
