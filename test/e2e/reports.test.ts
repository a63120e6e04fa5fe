import { reportsPermission } from '../../lib/records/report';
import { perform as getReport } from '../../searches/get_report';
import type { Sandbox } from '../../tools/sandbox/server';
import { authData, failure } from '../helpers';
import { requestLines, run, startE2eSandbox, stopE2eSandbox, type Item } from './helpers';

type Perform = Parameters<typeof run>[0];
const report = (input: Item = {}, meta: Item = {}) =>
  run<Item[]>(getReport as unknown as Perform, input, meta);

let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await startE2eSandbox();
});

afterEach(async () => {
  await stopE2eSandbox(sandbox);
});

const day = (at: number): string => new Date(at).toISOString().slice(0, 10);

describe('Get Report against the sandbox', () => {
  it('with no input: the last 7 full days, all five reports, one item whose totals match the brand', async () => {
    const [item, ...more] = await report();
    expect(more).toEqual([]);
    const end = day(Date.now() - 86_400_000);
    const start = day(Date.now() - 7 * 86_400_000);
    const query = `start_date=${start}&end_date=${end}`;
    expect(requestLines(sandbox)).toEqual(
      ['volume', 'response_time', 'staff', 'tags', 'channel_summary'].map(
        (name) => `GET /reports/${name}?${query}`,
      ),
    );
    const from = Date.parse(`${start}T00:00:00Z`);
    const to = Date.parse(`${end}T23:59:59.999Z`);
    const inRange = [...sandbox.store.conversations.values()].filter(
      (c) => c.createdAt >= from && c.createdAt <= to,
    );
    expect(item).toMatchObject({
      start_date: start,
      end_date: end,
      new_conversations: inRange.length,
    });
    expect(item?.summary).toMatch(
      new RegExp(`^${start} to ${end}: ${inRange.length} new conversations;`),
    );
    expect((item?.staff as Item[]).map((line) => line.name).sort()).toEqual(
      sandbox.store.staff.map((user) => user.name).sort(),
    );
  });

  it('only the chosen report, for the range typed; the other figures stay empty', async () => {
    const [item] = await report({
      start_date: '2026-03-01T00:00:00-08:00',
      end_date: '2026-03-31',
      reports: ['tags'],
    });
    expect(requestLines(sandbox)).toEqual([
      'GET /reports/tags?start_date=2026-03-01&end_date=2026-03-31',
    ]);
    expect(item).toMatchObject({
      new_conversations: null,
      average_response_minutes: null,
      staff: [],
    });
  });

  it('a user without the Reports permission is told what to ask for', async () => {
    const user = sandbox.store.staffByEmail(authData.username);
    if (user) user.admin = false;
    expect(await failure(report())).toEqual({
      name: 'AppError',
      code: 'PermissionDenied',
      status: 403,
      message: `Re:amaze refused this on acme.reamaze.io (HTTP 403 Forbidden): ${reportsPermission('reading reports')}`,
    });
    expect(requestLines(sandbox)).toHaveLength(1);
  });
});
