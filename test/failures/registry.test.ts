import { OPERATION_CASES, casesFor, registeredOperations } from './operations';

/** The cross-cutting tests (fault matrix, secrets) cover every operation the app registers. */

describe('the table of minimal inputs', () => {
  const operations = registeredOperations();

  it('finds the auth test and every trigger, create and search in the registry', () => {
    expect(operations[0]?.kind).toBe('auth');
    for (const kind of ['trigger', 'create', 'search'] as const) {
      expect(operations.filter((operation) => operation.kind === kind).length).toBeGreaterThan(0);
    }
    const keys = operations.map((operation) => operation.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(operations.map((operation) => [`${operation.kind} ${operation.key}`, operation]))(
    'has an entry for %s',
    (_name, operation) => {
      expect(casesFor(operation).length).toBeGreaterThan(0);
    },
  );

  it('has no entry for an operation the app no longer registers', () => {
    const registered = new Set(operations.map((operation) => operation.key));
    expect(Object.keys(OPERATION_CASES).filter((key) => !registered.has(key))).toEqual([]);
  });

  it('refuses an operation without an entry, naming it', () => {
    expect(() => casesFor({ key: 'new_widget', kind: 'trigger', perform: async () => [] })).toThrow(
      'test/failures/operations.ts has no minimal input for trigger "new_widget": add one to OPERATION_CASES',
    );
  });
});
