import { describe, expect, it } from 'vitest';
import {
  clientRegistration,
  readPlatformConfiguration,
  readRegistrationResponse,
  TOOL_CONFIGURATION,
} from './registration';

const config = {
  issuer: 'https://moodle.school.example',
  authorization_endpoint: 'https://moodle.school.example/mod/lti/auth.php',
  token_endpoint: 'https://moodle.school.example/mod/lti/token.php',
  jwks_uri: 'https://moodle.school.example/mod/lti/certs.php',
  registration_endpoint: 'https://moodle.school.example/mod/lti/openid-registration.php',
  'https://purl.imsglobal.org/spec/lti-platform-configuration': { product_family_code: 'moodle' },
};
const at = 'https://moodle.school.example/mod/lti/openid-configuration.php';

describe('dynamic registration', () => {
  it('reads the platform’s configuration', () => {
    expect(readPlatformConfiguration(config, at)).toEqual({
      config: {
        issuer: config.issuer,
        authorizationEndpoint: config.authorization_endpoint,
        tokenEndpoint: config.token_endpoint,
        jwksUri: config.jwks_uri,
        registrationEndpoint: config.registration_endpoint,
        tokenAudience: null,
        product: 'moodle',
      },
    });
  });

  it('refuses a configuration whose issuer is not a prefix of its own address', () => {
    const result = readPlatformConfiguration(config, 'https://evil.example/openid-configuration');
    expect(result).toMatchObject({ problem: expect.stringContaining('cannot be trusted') });
  });

  it('refuses an issuer that is only the start of the address as text, not its origin', () => {
    for (const elsewhere of [
      'https://moodle.school.example.evil.example/mod/lti/openid-configuration.php',
      'https://moodle.school.example@evil.example/mod/lti/openid-configuration.php',
      'https://moodle.school.example:8443/mod/lti/openid-configuration.php',
    ]) {
      expect(readPlatformConfiguration(config, elsewhere)).toMatchObject({
        problem: expect.stringContaining('cannot be trusted'),
      });
    }
    // An issuer with a path: the address must be under that path, not beside it.
    const withPath = { ...config, issuer: 'https://school.example/moodle' };
    expect(
      readPlatformConfiguration(
        withPath,
        'https://school.example/moodle-test/openid-configuration',
      ),
    ).toHaveProperty('problem');
    expect(
      readPlatformConfiguration(
        withPath,
        'https://school.example/moodle/mod/lti/openid-configuration.php',
      ),
    ).toHaveProperty('config');
    expect(
      readPlatformConfiguration({ ...config, issuer: 'https://moodle.school.example/' }, at),
    ).toHaveProperty('config');
  });

  it('refuses a configuration without the endpoints', () => {
    const { jwks_uri: _gone, ...rest } = config;
    expect(readPlatformConfiguration(rest, at)).toMatchObject({
      problem: expect.stringContaining('jwks_uri'),
    });
    expect(readPlatformConfiguration('nope', at)).toHaveProperty('problem');
  });

  it('registers the tool’s addresses in its own domain, and reads the answer', () => {
    const body = clientRegistration({
      base: 'https://cp.school.example',
      login: 'https://cp.school.example/api/lti/login',
      launch: 'https://cp.school.example/api/lti/launch',
      jwks: 'https://cp.school.example/api/lti/jwks',
    });
    expect(body).toMatchObject({
      grant_types: ['implicit', 'client_credentials'],
      response_types: ['id_token'],
      token_endpoint_auth_method: 'private_key_jwt',
      initiate_login_uri: 'https://cp.school.example/api/lti/login',
      redirect_uris: ['https://cp.school.example/api/lti/launch'],
      jwks_uri: 'https://cp.school.example/api/lti/jwks',
      [TOOL_CONFIGURATION]: { domain: 'cp.school.example' },
    });
    expect(body.scope).toContain('lti-ags/scope/score');
    expect(body.scope).toContain('contextmembership.readonly');
    expect(
      readRegistrationResponse({ client_id: 'c1', [TOOL_CONFIGURATION]: { deployment_id: 'd9' } }),
    ).toEqual({ clientId: 'c1', deploymentId: 'd9' });
    expect(readRegistrationResponse({ client_id: 'c1' })).toEqual({
      clientId: 'c1',
      deploymentId: null,
    });
    expect(readRegistrationResponse({ error: 'invalid' })).toBeNull();
  });
});
