import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import App from '../index';
import * as resources from '../tools/sandbox/routes';
import type { Route } from '../tools/sandbox/http';
import { OPERATION_CASES, registeredOperations } from './failures/operations';

/**
 * Every operation the definition registers has each touch point CONTRIBUTING.md lists: a test
 * file mirroring it (or an e2e test naming it), a fault-matrix entry, a sandbox route for every
 * request it makes, and, when a Zap builder can choose it, a row in the README's tables.
 * (`npm start -- --help` lists operations from the registry itself: nothing to add there.)
 */

const ROOT = join(__dirname, '..');
const FOLDER = { trigger: 'triggers', create: 'creates', search: 'searches' } as const;

/** Requests the sandbox need not answer, each with the reason (none today). */
const NO_SANDBOX_ROUTE: Readonly<Record<string, string>> = {};

const e2eTests = readdirSync(join(__dirname, 'e2e'))
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => readFileSync(join(__dirname, 'e2e', name), 'utf8'));
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const routes: Route[] = Object.values(resources).flat();

/** Whether a route's path (`/conversations/:slug/messages`) matches a request's path. */
const matches = (pattern: string, path: string): boolean =>
  new RegExp(`^${pattern.replace(/:[a-z_]+/g, '[^/]+')}$`).test(path);

type Visible = { key: string; display: { label: string; hidden?: boolean } };
const app = App as unknown as Record<string, Record<string, Visible> | undefined>;

const operations = registeredOperations().filter((operation) => operation.kind !== 'auth');

const folder = (kind: string): string => FOLDER[kind as keyof typeof FOLDER];
const missing = (has: (key: string, kind: string) => boolean): string[] =>
  operations.filter(({ key, kind }) => !has(key, kind)).map(({ key, kind }) => `${kind} ${key}`);

describe('every operation index.ts registers', () => {
  it('has a test file mirroring it, or an e2e test naming it', () => {
    const mirrored = (key: string, kind: string) =>
      existsSync(join(__dirname, folder(kind), `${key}.test.ts`)) ||
      e2eTests.some((text) => text.includes(key));
    expect(missing(mirrored)).toEqual([]);
  });

  it('lives in its own file, which exports its inputFields and perform beside the definition', () => {
    const uniform = (key: string, kind: string) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const file = require(join(ROOT, folder(kind), key)) as Record<string, unknown>;
      const definition = file.default as { key?: string; operation?: Record<string, unknown> };
      return (
        definition.key === key &&
        Array.isArray(file.inputFields) &&
        definition.operation?.inputFields === file.inputFields &&
        typeof file.perform === 'function' &&
        definition.operation?.perform === file.perform
      );
    };
    expect(missing(uniform)).toEqual([]);
  });

  it('has an entry in test/failures/operations.ts', () => {
    expect(missing((key) => (OPERATION_CASES[key]?.length ?? 0) > 0)).toEqual([]);
  });

  it('makes only requests a sandbox route answers (tools/sandbox/routes/)', () => {
    const unanswered = Object.values(OPERATION_CASES)
      .flat()
      .flatMap((entry) => entry.requests)
      .map((request) => `${request.method} ${request.path}`)
      .filter((line) => !(line in NO_SANDBOX_ROUTE))
      .filter((line) => {
        const [method, path] = line.split(' ') as [string, string];
        return !routes.some((route) => route.method === method && matches(route.path, path));
      });
    expect(unanswered).toEqual([]);
  });

  it('has a row in the README operations tables, unless it is a hidden dropdown', () => {
    const shown = (key: string, kind: string) => {
      const definition = app[folder(kind)]?.[key];
      if (!definition) return false;
      return (
        definition.display.hidden === true || readme.includes(`\n| ${definition.display.label} `)
      );
    };
    expect(missing(shown)).toEqual([]);
  });
});

it('the route matcher tells a sandbox path from another', () => {
  expect(matches('/conversations/:slug/messages', '/conversations/abc/messages')).toBe(true);
  expect(matches('/conversations/:slug', '/conversations/abc/messages')).toBe(false);
});
