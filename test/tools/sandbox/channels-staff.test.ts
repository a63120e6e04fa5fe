import type { Sandbox } from '../../../tools/sandbox/server';
import { call, get, testSandbox } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await testSandbox();
});

afterAll(async () => {
  await sandbox.stop();
});

interface ChannelsBody {
  total_count: number;
  channels: Record<string, unknown>[];
}

describe('GET /channels', () => {
  it('lists every channel with total_count only, as real-data clients see it', async () => {
    const body = await get<ChannelsBody>(sandbox, '/channels');
    expect(Object.keys(body).sort()).toEqual(['channels', 'total_count']);
    expect(body.total_count).toBe(9);
    expect(body.channels.map((c) => [c.slug, c.channel])).toEqual([
      ['support', 1],
      ['sales', 1],
      ['chat', 6],
      ['sms', 9],
      ['facebook', 3],
      ['instagram', 16],
      ['twitter', 2],
      ['whatsapp', 15],
      ['phone', 10],
    ]);
    expect(body.channels[0]).toEqual({
      name: 'Support',
      slug: 'support',
      email: 'support@acme.example',
      channel: 1,
      created_at: expect.stringMatching(/-07:00$/),
      updated_at: expect.stringMatching(/-07:00$/),
      visibility: 1,
      spam_filter_enabled: true,
      reply_from_origin: true,
      verified: true,
      settings_reply_from_name: 'channel',
      settings_signature: '',
      brand: { name: 'Acme', url: 'acme.reamaze.com' },
    });
    expect(body.channels[2]?.email).toBeNull();
  });

  it('channel=email|chat|… keeps one kind; page 2 is empty', async () => {
    const email = await get<ChannelsBody>(sandbox, '/channels?channel=email');
    expect(email.channels.map((c) => c.slug)).toEqual(['support', 'sales']);
    const chat = await get<ChannelsBody>(sandbox, '/channels?channel=chat');
    expect(chat).toMatchObject({ total_count: 1, channels: [{ slug: 'chat' }] });
    expect((await get<ChannelsBody>(sandbox, '/channels?page=2')).channels).toEqual([]);
  });

  it('GET /channels/{slug} answers one channel or 404', async () => {
    expect(await get(sandbox, '/channels/sms')).toMatchObject({
      slug: 'sms',
      name: 'SMS',
      channel: 9,
    });
    expect((await call(sandbox, '/channels/fax')).status).toBe(404);
  });
});

describe('GET /staff', () => {
  it('lists the staff oldest first in the envelope', async () => {
    const body = await get<{ staff: Record<string, unknown>[] }>(sandbox, '/staff');
    expect(body).toMatchObject({ page_size: 30, page_count: 1, total_count: 4 });
    expect(body.staff.map((user) => user.email)).toEqual([
      'agent@acme.example',
      'priya@acme.example',
      'marco@acme.example',
      'jo@acme.example',
    ]);
    expect(body.staff[0]).toEqual({
      name: 'Alex Morgan',
      email: 'agent@acme.example',
      display_name: 'Alex',
      created_at: expect.any(String),
      role: {
        name: 'Admin',
        'admin?': true,
        permissions: expect.objectContaining({ 'access_reports?': true }),
      },
    });
  });
});
