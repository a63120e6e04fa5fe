import { channelSample, perform } from '../../triggers/channel_list';
import { appTester, authData, reamaze, resetNock } from '../helpers';

afterEach(resetNock);

const list = (page: number) => appTester(perform, { authData, inputData: {}, meta: { page } });

describe('channel_list (hidden dropdown of channels)', () => {
  it('uses the slug as the value, names each channel and its kind, and leaves out slugless ones', async () => {
    // GET /channels may come without page_count: the first page is then the whole list.
    const scope = reamaze()
      .get('/api/v1/channels')
      .query({ page: '1' })
      .reply(200, {
        total_count: 4,
        channels: [
          { name: 'Support', slug: 'support', email: 'support@acme.reamaze.io', channel: 1 },
          { name: '', slug: 'chat', email: null, channel: 6 },
          { name: 'Pager', slug: 'pager', channel: 99 },
          { name: 'No slug', slug: '', channel: 1 },
        ],
      });
    expect(await list(0)).toEqual([
      channelSample,
      { id: 'chat', name: 'chat', email: '', channel_type: 'Chat' },
      { id: 'pager', name: 'Pager', email: '', channel_type: 'Unknown (code 99)' },
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('answers "load more" past the last page with no choices', async () => {
    reamaze()
      .get('/api/v1/channels')
      .query({ page: '2' })
      .reply(200, { page_count: 1, channels: [{ name: 'Support', slug: 'support', channel: 1 }] });
    expect(await list(1)).toEqual([]);
  });
});
