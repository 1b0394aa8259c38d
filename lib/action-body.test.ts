import { describe, expect, it } from 'vitest';
import { ACTION_BODY_MAX, refuseUnreadableAction } from './action-body';

const action = (body: BodyInit, type: string, extra: Record<string, string> = {}) =>
  new Request('http://localhost/maps', {
    method: 'POST',
    headers: { 'next-action': 'abc123', ...(type && { 'content-type': type }), ...extra },
    body,
  });

describe('server-action bodies Next cannot read', () => {
  it('refuses bodies over 8 MB with 413 and undecodable ones with 400, with a message', async () => {
    const text = 'text/plain;charset=UTF-8';
    const big = await refuseUnreadableAction(action('a'.repeat(ACTION_BODY_MAX + 1), text));
    expect(big?.status).toBe(413);
    expect(await big?.text()).toMatch(/too large/);
    const declared = action('[]', text, { 'content-length': String(ACTION_BODY_MAX + 1) });
    expect((await refuseUnreadableAction(declared))?.status).toBe(413);
    for (const [body, type] of [
      [new Uint8Array([0xff, 0xfe, 0x5b, 0x5d]), text],
      ['{{{ not a call', text],
      ['--x\r\ngarbage', 'multipart/form-data; boundary=zzz'],
    ] as const) {
      const refused = await refuseUnreadableAction(action(body, type));
      expect(refused?.status, String(body)).toBe(400);
      expect(await refused?.text()).toMatch(/could not be read/);
    }
  });

  it('lets readable action calls and every other request through', async () => {
    expect(await refuseUnreadableAction(action('["x",{"a":1}]', 'text/plain'))).toBeNull();
    const form = new FormData();
    form.set('1_title', 'A map');
    expect(await refuseUnreadableAction(action(form, ''))).toBeNull();
    expect(await refuseUnreadableAction(new Request('http://localhost/maps'))).toBeNull();
    const post = new Request('http://localhost/sign-in', { method: 'POST', body: 'x=1' });
    expect(await refuseUnreadableAction(post)).toBeNull();
  });
});
