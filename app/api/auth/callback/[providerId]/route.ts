import { schoolCallback } from '@/lib/server/school-sign-in/routes';

// The school's OpenID provider sends the browser back here (README: "Connecting your school").
export const GET = schoolCallback;
export const POST = schoolCallback;
