import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';

describe('the content security policy', () => {
  it('allows scripts only by nonce, and eval only in development', () => {
    const prod = contentSecurityPolicy('abc123');
    expect(prod).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(prod).not.toContain('unsafe-eval');
    expect(prod).toContain("object-src 'none'");
    expect(prod).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy('abc123', true)).toContain("'unsafe-eval'");
    expect(prod).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});
