import {
  CHANNEL_TYPES,
  CONVERSATION_STATUSES,
  MESSAGE_ORIGINS,
  MESSAGE_VISIBILITIES,
  labelFor,
} from '../../../lib/records/labels';

describe('labels', () => {
  it('names every origin in the seed table', () => {
    expect(Object.entries(MESSAGE_ORIGINS).map(([code, label]) => `${code} ${label}`)).toEqual([
      '0 Chat',
      '1 Email',
      '2 Twitter',
      '3 Facebook',
      '6 Classic Mode Chat',
      '7 API',
      '8 Instagram',
      '9 SMS',
      '10 Voice',
      '11 Custom',
      '15 WhatsApp',
      '16 Staff Outbound',
      '17 Contact Form',
      '19 Instagram DM',
    ]);
  });

  it('labels known, unknown and missing codes without throwing', () => {
    expect(labelFor(MESSAGE_VISIBILITIES, 1)).toBe('Internal Note');
    expect(labelFor(MESSAGE_VISIBILITIES, '2')).toBe('Collision Detected Message');
    expect(labelFor(MESSAGE_ORIGINS, 42)).toBe('Unknown (code 42)');
    expect(labelFor(CONVERSATION_STATUSES, null)).toBe('');
    expect(labelFor(CHANNEL_TYPES, 'email')).toBe('');
    expect(labelFor(CHANNEL_TYPES, 1.5)).toBe('');
  });
});
