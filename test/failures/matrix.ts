import { requestTimeout } from '../../lib/http/client';
import type { Sandbox } from '../../tools/sandbox/server';
import type { Fault } from '../../tools/sandbox/switches';
import { startE2eSandbox, stopE2eSandbox } from '../e2e/helpers';
import { appTester, authData, failure } from '../helpers';
import { FAULTS, FIXED_NOW, TEST_TIMEOUT_MS, type FaultCase } from './faults';
import {
  operationCases,
  type ExpectedRequest,
  type OperationCase,
  type RegisteredOperation,
} from './operations';

/**
 * The fault matrix: operations × the faults of faults.ts, over real HTTP against the local sandbox,
 * through Zapier's own runner. Every operation case gets a clean run (it succeeds and makes exactly
 * the requests its table entry lists). Then each fault hits its first request and, for cases that
 * make several, its last one too: every fault for the {@link REPRESENTATIVES} (and for every case in
 * the long run), and for the others only the faults whose outcome depends on the operation's own
 * entry (`specific` in faults.ts). Each faulted run must end in exactly the expected Zapier error
 * (class, code, status, message, delay) or, for a search's "not found", in no result; and no
 * operation may send a request after the one that failed.
 */

/**
 * Every operation shares one client, so a few cases stand for all: a paged read, a write, a
 * read-then-write (a single-record read, then a PUT), a search whose 404 means "none".
 */
export const REPRESENTATIVES: readonly (readonly [key: string, caseName: string])[] = [
  ['new_message', 'no filters'],
  ['create_contact', 'email only'],
  ['update_conversation', 'a tag added (reads the current tags first)'],
  ['find_conversation', 'by slug'],
];

export const isRepresentative = (operation: RegisteredOperation, entry: OperationCase): boolean =>
  REPRESENTATIVES.some(([key, name]) => key === operation.key && name === entry.name);

export function runOperation(
  operation: RegisteredOperation,
  input: Record<string, unknown>,
  meta: Record<string, unknown> = {},
): Promise<unknown> {
  return appTester(operation.perform, { authData, inputData: input, meta });
}

/**
 * Lowers the shared client's timeout (12 s) for the current test, so a "slower than the timeout"
 * case takes a fraction of a second; `jest.restoreAllMocks()` puts it back. Operations read the
 * setting at each request; it reaches the operations of the sources, not of the bundle.
 */
export function lowerRequestTimeout(ms: number): void {
  jest.replaceProperty(requestTimeout, 'ms', ms);
}

/** The path of a logged request, decoded, for comparison with the table. */
const decoded = (path: string): string => decodeURIComponent(path);

export interface MatrixCount {
  cases: number;
}

/** Declares the matrix (every fault for every case when `full`); returns the number of fault cases. */
export function faultMatrix({ full }: { full: boolean }): MatrixCount {
  let sandbox: Sandbox;
  const count: MatrixCount = { cases: 0 };

  beforeAll(async () => {
    sandbox = await startE2eSandbox();
  });

  afterEach(() => {
    sandbox.clearFaults();
    sandbox.clearLog();
    jest.restoreAllMocks();
  });

  afterAll(async () => {
    await stopE2eSandbox(sandbox);
  });

  /** Seqs of the requests of one run, in order; `fault` decides each request's fault by its index. */
  const record = (fault: (index: number) => Fault | undefined): number[] => {
    const seqs: number[] = [];
    sandbox.setFaultRule((incoming) => {
      seqs.push(incoming.seq);
      return fault(seqs.length - 1);
    });
    return seqs;
  };

  /** `METHOD /path` of the logged requests with these seqs (a slow answer may be logged late). */
  const lines = (seqs: number[]): string[] =>
    sandbox.requests
      .filter((logged) => seqs.includes(logged.seq))
      .map((logged) => `${logged.method} ${decoded(logged.path)}`);

  const check = async (
    operation: RegisteredOperation,
    entry: OperationCase,
    fault: FaultCase,
    position: number,
  ): Promise<void> => {
    const request = entry.requests[position] as ExpectedRequest;
    if (fault.lowTimeout) lowerRequestTimeout(TEST_TIMEOUT_MS);
    if (fault.fixedNow) jest.spyOn(Date, 'now').mockReturnValue(FIXED_NOW);
    const injected = typeof fault.fault === 'function' ? fault.fault(request) : fault.fault;
    const sent = record((index) => (index === position ? injected : undefined));

    const expected = fault.expected(request);
    const result = runOperation(operation, entry.input, entry.meta);
    if ('empty' in expected) {
      expect(await result).toEqual([]);
    } else if ('answered' in expected) {
      expect(await result).toMatchObject({ status_code: 200 });
    } else {
      expect(await failure(result)).toEqual(expected.error);
    }
    // Nothing is sent after the request that failed, and what came before is what the table says.
    expect(sent.length).toBe(position + 1);
    expect(lines(sent.slice(0, position))).toEqual(
      entry.requests.slice(0, position).map((expected) => `${expected.method} ${expected.path}`),
    );
  };

  for (const { operation, case: entry } of operationCases()) {
    const every = full || isRepresentative(operation, entry);
    describe(`${operation.kind} ${operation.key}, ${entry.name}`, () => {
      it('runs clean with its minimal input, making exactly the listed requests', async () => {
        const sent = record(() => undefined);
        const result = await runOperation(operation, entry.input, entry.meta);
        if (operation.kind === 'trigger' || operation.kind === 'search') {
          expect(Array.isArray(result)).toBe(true);
          expect((result as unknown[]).length).toBeGreaterThan(0);
        } else {
          expect(result).toEqual(expect.any(Object));
        }
        expect(lines(sent)).toEqual(
          entry.requests.map((expected) => `${expected.method} ${expected.path}`),
        );
        for (const logged of sandbox.requests.filter((r) => sent.includes(r.seq))) {
          expect(logged.status).toBeLessThan(300);
        }
      });

      const positions = entry.requests.length > 1 ? [0, entry.requests.length - 1] : [0];
      const pairs = positions.flatMap((position) =>
        FAULTS.filter(
          (fault) => every || fault.specific?.(entry.requests[position] as ExpectedRequest),
        ).map((fault) => ({ fault, position, request: entry.requests[position] })),
      );
      count.cases += pairs.length;
      it.each(pairs)(
        '$fault.name on $request.method $request.path',
        async ({ fault, position }) => {
          await check(operation, entry, fault, position);
        },
      );
    });
  }
  return count;
}
