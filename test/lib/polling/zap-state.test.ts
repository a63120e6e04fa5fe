import { createAppTester } from 'zapier-platform-core';
import App from '../../../index';
import {
  CACHE_WAIT_MS,
  WATERMARK_TTL_SECONDS,
  parseWatermarks,
  zapState,
  zapWatermarks,
} from '../../../lib/polling/zap-state';
import { authData } from '../../helpers';

/** Runs `zapWatermarks` inside Zapier's runner, whose `z.cache` is the in-memory mock. */
const tester = createAppTester(App);
/** The runner's in-memory `z.cache` (not in core's types). */
const cached = () => (tester as unknown as { zcacheTestObj: Record<string, string> }).zcacheTestObj;
const withStore = <T>(
  bundle: Record<string, unknown>,
  use: (store: ReturnType<typeof zapWatermarks>) => Promise<T>,
) =>
  tester(((z: never, b: never) => use(zapWatermarks(z, b, 'new_message'))) as never, {
    authData,
    inputData: {},
    ...bundle,
  }) as Promise<T>;

const zap = (id: string) => ({ meta: { zap: { id } } });

afterEach(() => jest.useRealTimers());

describe('zapWatermarks', () => {
  it('keeps one value per Zap, trigger input and account, for two hours', async () => {
    const value = { floors: [1, 2] as [number, number] };
    await withStore({ ...zap('7') }, (store) => store!.write(value));
    expect(await withStore({ ...zap('7') }, (store) => store!.read())).toEqual(value);
    // Another Zap, another filter, another brand: nothing stored.
    expect(await withStore({ ...zap('8') }, (store) => store!.read())).toBeUndefined();
    expect(
      await withStore({ ...zap('7'), inputData: { channel: 'support' } }, (s) => s!.read()),
    ).toBeUndefined();
    expect(
      await withStore({ ...zap('7'), authData: { ...authData, brand: 'other' } }, (s) => s!.read()),
    ).toBeUndefined();
    const keys = Object.keys(cached());
    expect(keys).toEqual([expect.stringMatching(/^watermarks:new_message:[0-9a-f]{32}$/)]);
    expect(keys[0]).not.toContain(authData.password);
    expect(WATERMARK_TTL_SECONDS).toBe(7200);
  });

  it('is not used without a Zap id, or in the editor', async () => {
    expect(await withStore({}, async (store) => store)).toBeUndefined();
    expect(
      await withStore({ meta: { zap: { id: '7' }, isLoadingSample: true } }, async (s) => s),
    ).toBeUndefined();
  });

  it('a value of the wrong shape reads as nothing stored', () => {
    for (const bad of [
      null,
      'x',
      {},
      { floors: [1] },
      { floors: [1, '2'] },
      { floors: [1, 2], since: NaN },
      { floors: [1, 2], rest: [5, 1, 0, 30] }, // four places
      { floors: [1, 2], rest: [5, 1, 0.5, 30, 60] }, // not a place
      { floors: [1, 2], rest: [5, 1, 31, 30, 60] }, // start after end
      { floors: [1, 2], rest: [5, 1, 0, 61, 60] }, // end past the list
      { floors: [1, 2], rest: [5, 1, -1, 30, 60] },
      { floors: [1, 2], rest: [5, Infinity, 0, 30, 60] },
    ]) {
      expect([bad, parseWatermarks(bad)]).toEqual([bad, undefined]);
    }
    expect(parseWatermarks({ floors: [1, 2], since: 3 })).toEqual({ floors: [1, 2], since: 3 });
    expect(parseWatermarks({ floors: [1, 2], rest: [5, 1, 29, 30, 60], x: 1 })).toEqual({
      floors: [1, 2],
      rest: [5, 1, 29, 30, 60],
    });
  });

  it('a cache that does not answer, or fails, is gone without after a bounded wait', async () => {
    jest.useFakeTimers();
    const never = new Promise<never>(() => undefined);
    const z = {
      cache: { get: () => never, set: () => never, delete: () => never },
    } as never;
    const store = zapWatermarks(
      z,
      { authData, inputData: {}, meta: { zap: { id: '7' } } } as never,
      't',
    )!;
    const read = store.read();
    const write = store.write({ floors: [1, 2] });
    await jest.advanceTimersByTimeAsync(CACHE_WAIT_MS);
    await expect(read).resolves.toBeUndefined();
    await expect(write).resolves.toBeUndefined();

    const failing = {
      cache: {
        get: async () => Promise.reject(new Error('rpc down')),
        set: () => Promise.reject(new Error('x')),
      },
    } as never;
    const broken = zapWatermarks(
      failing,
      { authData, inputData: {}, meta: { zap: { id: '7' } } } as never,
      't',
    )!;
    await expect(broken.read()).resolves.toBeUndefined();
    await expect(broken.write({ floors: [1, 2] })).resolves.toBeUndefined();
  });
});

describe('zapState', () => {
  const bundle = { authData, inputData: { b: 1, a: 2 }, meta: { zap: { id: '7' } } } as never;
  const stateOver = (cache: object) =>
    zapState(
      { cache } as never,
      bundle,
      't',
      'kind',
      (v) => (typeof v === 'number' ? v : undefined),
      60,
    )!;

  it('tells a value found, a key missing (null) or of another shape, and a read that failed or was late', async () => {
    jest.useFakeTimers();
    const keys: string[] = [];
    const answering = (value: unknown) => ({
      get: async (key: string) => {
        keys.push(key);
        return value;
      },
    });
    expect(await stateOver(answering(5)).read()).toEqual({ found: true, value: 5 });
    expect(await stateOver(answering(null)).read()).toEqual({ found: false, failed: false });
    expect(await stateOver(answering('x')).read()).toEqual({ found: false, failed: false });
    expect(keys[0]).toMatch(/^kind:t:[0-9a-f]{32}$/);
    expect(await stateOver({ get: () => Promise.reject(new Error('rpc down')) }).read()).toEqual({
      found: false,
      failed: true,
      why: 'Error: rpc down',
    });
    expect(
      await stateOver({
        get: () => {
          throw new Error('rpc is not available');
        },
      }).read(),
    ).toEqual({ found: false, failed: true, why: 'Error: rpc is not available' });
    const late = stateOver({ get: () => new Promise(() => undefined) }).read();
    await jest.advanceTimersByTimeAsync(CACHE_WAIT_MS);
    await expect(late).resolves.toEqual({ found: false, failed: true, why: 'no answer in 1.5 s' });
  });

  it('a write is true only once the cache confirmed it in time', async () => {
    jest.useFakeTimers();
    const ttls: unknown[] = [];
    expect(
      await stateOver({
        set: async (_k: string, _v: unknown, ttl: number) => ttls.push(ttl),
      }).write(1),
    ).toBe(true);
    expect(ttls).toEqual([60]);
    expect(await stateOver({ set: () => Promise.reject(new Error('x')) }).write(1)).toBe(false);
    const late = stateOver({ set: () => new Promise(() => undefined) }).write(1);
    await jest.advanceTimersByTimeAsync(CACHE_WAIT_MS);
    await expect(late).resolves.toBe(false);
  });
});
