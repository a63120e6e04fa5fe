import type { Sandbox } from '../../../tools/sandbox/server';
import { call, get, testSandbox } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await testSandbox();
});

afterAll(async () => {
  await sandbox.stop();
});

describe('the help center', () => {
  it('filters articles by status word or code, newest first', async () => {
    const published = await get<{ articles: { slug: string }[] }>(
      sandbox,
      '/articles?status=published',
    );
    expect(published.articles.map((a) => a.slug)).toEqual([
      'how-do-i-return-an-item',
      'do-you-ship-to-canada',
      'how-long-does-shipping-take',
    ]);
    const drafts = await get<{ articles: { slug: string }[] }>(sandbox, '/articles?status=1');
    expect(drafts.articles.map((a) => a.slug)).toEqual(['warranty-claims-draft']);
  });

  it('refuses an article without a title, or with a status code nobody documents, with 422', async () => {
    const missing = await call(sandbox, '/articles', {
      method: 'POST',
      body: { article: { body: 'x' } },
    });
    expect(missing).toMatchObject({ status: 422, json: { errors: { title: ["can't be blank"] } } });
    const odd = await call(sandbox, '/articles', {
      method: 'POST',
      body: { article: { title: 'x', body: 'y', status: 'published' } },
    });
    expect(odd).toMatchObject({ status: 422, json: { errors: { status: ['is invalid'] } } });
  });
});

describe('the status page', () => {
  it('serves incidents and systems as bare arrays', async () => {
    expect(Array.isArray(await get(sandbox, '/incidents'))).toBe(true);
    expect(Array.isArray(await get(sandbox, '/systems'))).toBe(true);
  });

  it('refuses an unknown system or status in nested attributes with 422', async () => {
    const result = await call(sandbox, '/incidents', {
      method: 'POST',
      body: {
        incident: {
          title: 'x',
          updates_attributes: [{ status: 'fixed', message: 'y' }],
          incidents_systems_attributes: [{ system_id: '999', status: 'operational' }],
        },
      },
    });
    expect(result).toMatchObject({
      status: 422,
      json: {
        errors: { 'updates.status': ['is invalid'], 'incidents_systems.system': ['must exist'] },
      },
    });
  });
});

describe('the reports', () => {
  it('answer every report in its shape, and refuse a window over a year', async () => {
    for (const [name, key] of [
      ['volume', 'conversation_counts'],
      ['response_time', 'response_times'],
      ['staff', 'report'],
      ['tags', 'tags'],
      ['channel_summary', 'channels'],
    ]) {
      const body = await get<Record<string, unknown>>(
        sandbox,
        `/reports/${name}?start_date=2026-03-01&end_date=2026-03-07`,
      );
      expect(body).toMatchObject({ [key as string]: expect.any(Object), start_date: '2026-03-01' });
    }
    const wide = await call(sandbox, '/reports/volume?start_date=2024-01-01&end_date=2026-01-01');
    expect(wide.status).toBe(422);
  });
});
