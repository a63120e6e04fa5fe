import { ago, excerpt, messageLine, plural } from '../../../tools/start/describe';

const NOW = Date.parse('2026-05-04T10:00:00.000Z');

describe('what npm start prints', () => {
  it('says how long ago, in words', () => {
    expect(ago('2026-05-04T09:59:40.000Z', NOW)).toBe('just now');
    expect(ago('2026-05-04T02:55:00.000-07:00', NOW)).toBe('5 min ago');
    expect(ago('2026-05-04T06:00:00.000Z', NOW)).toBe('4 h ago');
    expect(ago('2026-04-30T10:00:00.000Z', NOW)).toBe('4 d ago');
    expect(ago(undefined, NOW)).toBe('at an unknown time');
  });

  it('shortens text to one line', () => {
    expect(excerpt('a\n\n b  c')).toBe('a b c');
    expect(excerpt('x'.repeat(70), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('describes a message in one line', () => {
    expect(
      messageLine(
        {
          created_at: '2026-05-04T09:52:00.000Z',
          author_name: 'Priya Shah',
          author_is_staff: true,
          visibility: 'Internal Note',
          origin_label: 'Email',
          channel_name: 'Support',
          conversation_subject: 'Where is my order #10482?',
          body_text: 'Opened a trace.',
        },
        NOW,
      ),
    ).toBe(
      '8 min ago · Priya Shah (staff, Internal Note) · Support · "Where is my order #10482?": Opened a trace.',
    );
    expect(
      messageLine(
        {
          author_mobile: '+14155550134',
          author_is_staff: false,
          visibility: 'Visible to Customer',
          sent_via: 'SMS',
        },
        NOW,
      ),
    ).toBe('at an unknown time · +14155550134 (customer, SMS) · ? · "": ');
  });

  it('counts in words', () => {
    expect(plural(1, 'request')).toBe('1 request');
    expect(plural(5, 'request')).toBe('5 requests');
  });
});
