import { describe, expect, it } from 'vitest';
import { escapeHtml, inviteMail, notificationMail, resetPasswordMail } from './mail-templates';

describe('mail templates', () => {
  it('escape every text that goes into the HTML, and keep the text version plain', () => {
    const m = inviteMail({
      name: 'Kim <script>',
      inviterName: 'Olive "O" & co',
      mapTitle: '<img src=x onerror=alert(1)>',
      verb: 'edit',
      url: 'https://school.example/maps/a?b=1&c=2',
    });
    expect(m.html).not.toMatch(/<script|<img/);
    expect(m.html).toContain('Hello Kim &lt;script&gt;,');
    expect(m.html).toContain('Olive &quot;O&quot; &amp; co');
    expect(m.html).toContain('href="https://school.example/maps/a?b=1&amp;c=2"');
    expect(m.text).toContain('Hello Kim <script>,');
    expect(m.text).toContain('https://school.example/maps/a?b=1&c=2');
    expect(m.subject).toBe('Olive "O" & co shared “<img src=x onerror=alert(1)>” with you');
  });

  it('keep a subject to one short line', () => {
    const m = notificationMail({
      text: `Ana replied to your comment on “${'very '.repeat(40)}long”.\nSecond line`,
      place: 'Team A',
      url: 'https://school.example/maps/m',
      settingsUrl: 'https://school.example/settings',
    });
    expect(m.subject).not.toContain('\n');
    expect(m.subject.length).toBeLessThanOrEqual(120);
    expect(m.text).toContain('https://school.example/settings');
  });

  it('put the reset link in both versions, with how long it works', () => {
    const url = 'https://school.example/reset-password?token=abc';
    const m = resetPasswordMail({ name: '', url });
    expect(m.text).toMatch(/^Hello,/);
    expect(m.text).toContain(`Choose a new password:\n${url}`);
    expect(m.html).toContain(`href="${url}"`);
    expect(m.text).toContain('one hour');
  });

  it('escapeHtml covers the five characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
