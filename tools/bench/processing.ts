import { errors, type Bundle, type ZObject } from 'zapier-platform-core';
import { startSandbox } from '../sandbox/server';
import newMessage from '../../triggers/new_message';
import { hostileBodies } from './hostile-bodies';
import { runNode } from './process';
import { median, nowMs } from './stats';
import type { Row } from './table';

/**
 * Processing cost: what the trigger does with one page of 30 messages once it has arrived, against
 * `JSON.parse` of the same page text (the least any client must do with it). The trigger runs on
 * a canned response, so its time is its JSON.parse plus its own work (shape checks, identity,
 * paging rule, flattening, plain text); its own work is that time minus the JSON.parse of the same
 * round. Two pages from the sandbox's seeded brand: the newest page as served (plain, Markdown,
 * emoji and some HTML bodies, attachments), and the same page with every body an HTML email.
 * Last, the same 30 messages with hostile bodies of 200 kB against 100 kB: work that is linear in
 * what arrives doubles, quadratic work would quadruple (bodies are converted in one pass, capped).
 */

/** The trigger's own work ÷ JSON.parse of the page: ordinary pages, and pages of HTML emails. */
const TARGET_RATIO = { served: 2, html: 3 };
/** Polls run before timing: V8 optimises a function only after many calls, as in a warm Zapier worker. */
const WARM_UP = 1_000;

type Perform = (z: ZObject, bundle: Bundle) => Promise<unknown[]>;

async function fetchPage(query: string): Promise<Record<string, unknown>> {
  const sandbox = await startSandbox();
  try {
    const { username, password } = sandbox.credentials;
    const response = await fetch(`${sandbox.baseUrl}/messages?${query}`, {
      headers: {
        Accept: 'application/json',
        Authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`,
      },
    });
    if (!response.ok) throw new Error(`the sandbox answered HTTP ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  } finally {
    await sandbox.stop();
  }
}

/** The page as the trigger will see it: one page in all, so the trigger asks for no other. */
function onePage(page: Record<string, unknown>, messages: Record<string, unknown>[]): string {
  return JSON.stringify({ ...page, page_count: 1, total_count: messages.length, messages });
}

interface Pages {
  served: { name: string; text: string };
  html: { name: string; text: string };
  hostile: { name: string; text: string };
  halfHostile: { name: string; text: string };
}

async function pages(): Promise<Pages> {
  const served = await fetchPage('page=1');
  const servedMessages = served.messages as Record<string, unknown>[];
  const withHtml = await fetchPage('page=1&include=original_body');
  const htmlBodies = (withHtml.messages as Record<string, unknown>[])
    .map((message) => message.original_body)
    .filter((html): html is string => typeof html === 'string' && html !== '');
  if (servedMessages.length !== 30 || htmlBodies.length === 0) {
    throw new Error('the seeded brand has no full page with HTML bodies');
  }
  const htmlMessages = servedMessages.map((message, i) => ({
    ...message,
    body: htmlBodies[i % htmlBodies.length],
  }));
  const attachments = servedMessages.filter(
    (message) => Array.isArray(message.attachments) && message.attachments.length > 0,
  ).length;
  const hostilePage = (size: number) => {
    const bodies = hostileBodies(servedMessages.length, size);
    return onePage(
      served,
      servedMessages.map((message, i) => ({ ...message, body: bodies[i] })),
    );
  };
  return {
    served: {
      name: `newest page of the seeded brand (${attachments} with attachments)`,
      text: onePage(served, servedMessages),
    },
    html: {
      name: 'the same 30 messages, every body an HTML email',
      text: onePage(served, htmlMessages),
    },
    hostile: { name: 'every body a hostile 200 kB one', text: hostilePage(200_000) },
    halfHostile: { name: 'every body a hostile 100 kB one', text: hostilePage(100_000) },
  };
}

function cannedClient(text: string): ZObject {
  // As core hands it over: the text and its parse (prepare-response.js parses every JSON answer).
  const response = {
    status: 200,
    content: text,
    get data(): unknown {
      return JSON.parse(text);
    },
    getHeader: () => undefined,
  };
  return { request: async () => response, errors } as unknown as ZObject;
}

async function measurePage(text: string, rounds: number, batch: number, warmUp = WARM_UP) {
  const perform = (newMessage.operation as { perform?: unknown }).perform as Perform;
  const z = cannedClient(text);
  const bundle = {
    authData: { brand: 'acme', username: 'agent@acme.example', password: 'bench' },
    inputData: {},
    meta: {},
  } as unknown as Bundle;
  const items = await perform(z, bundle);
  if (items.length !== 30) throw new Error(`the trigger made ${items.length} items of 30 messages`);
  for (let i = 0; i < warmUp; i += 1) {
    JSON.parse(text);
    await perform(z, bundle);
  }

  const parse: number[] = [];
  const own: number[] = [];
  let sink = 0; // keeps the parses observable so they cannot be optimised away
  for (let round = 0; round < rounds; round += 1) {
    let started = nowMs();
    for (let i = 0; i < batch; i += 1)
      sink += (JSON.parse(text) as { messages: [] }).messages.length;
    const parseMs = (nowMs() - started) / batch;
    started = nowMs();
    for (let i = 0; i < batch; i += 1) sink += (await perform(z, bundle)).length;
    const performMs = (nowMs() - started) / batch;
    parse.push(parseMs);
    own.push(performMs - parseMs);
  }
  if (sink === 0) throw new Error('nothing was parsed');
  return { parseMs: median(parse), ownMs: median(own) };
}

const us = (ms: number): string => `${Math.round(ms * 1000)} µs`;
const ms = (value: number): string => `${value.toFixed(1)} ms`;
const mb = (text: string): string => `${(text.length / 1_000_000).toFixed(1)} MB`;

/** Hostile pages hold 6 MB of bodies: fewer runs per round, the same number of rounds. */
const HOSTILE_BATCH = 2;
const HOSTILE_WARM_UP = 4;
/** Bodies twice as long: linear work costs 2×, quadratic 4×; the aim leaves noise a quarter. */
const HOSTILE_AIM = 2.5;

export async function measureProcessing(rounds: number): Promise<Row[]> {
  const rows: Row[] = [];
  const { served, html, hostile, halfHostile } = await pages();
  for (const [page, target] of [
    [served, TARGET_RATIO.served],
    [html, TARGET_RATIO.html],
  ] as const) {
    const { parseMs, ownMs } = await measurePage(page.text, rounds, 50);
    rows.push({
      measurement: `Processing: 30 messages → items, ${page.name} (median of ${rounds})`,
      baseline: `JSON.parse ${us(parseMs)} (${(page.text.length / 1000).toFixed(1)} kB)`,
      value: `trigger's own work ${us(ownMs)}`,
      ratio: ownMs / parseMs,
      target: `ratio ≤ ${target}`,
      met: ownMs / parseMs <= target,
    });
  }
  const half = await measurePage(halfHostile.text, rounds, HOSTILE_BATCH, HOSTILE_WARM_UP);
  const whole = await measurePage(hostile.text, rounds, HOSTILE_BATCH, HOSTILE_WARM_UP);
  rows.push({
    measurement: `Processing: the same 30 messages, ${hostile.name} (median of ${rounds})`,
    baseline: `${halfHostile.name}: ${ms(half.ownMs)} (${mb(halfHostile.text)})`,
    value: `${ms(whole.ownMs)} (${mb(hostile.text)})`,
    ratio: whole.ownMs / half.ownMs,
    target: `ratio ≤ ${HOSTILE_AIM} (linear: 2)`,
    met: whole.ownMs / half.ownMs <= HOSTILE_AIM,
  });
  return rows;
}

/**
 * The same, in a fresh Node process: the bench's other measurements run the trigger on other
 * pages first, and what V8 learned from them would slow this one (a poll's worker runs one Zap).
 */
export async function measureProcessingApart(rounds: number): Promise<Row[]> {
  const { stdout } = await runNode([__filename, String(rounds)], {
    cwd: process.cwd(),
    label: 'the processing probe',
  });
  return JSON.parse(stdout) as Row[];
}

if (require.main === module) {
  measureProcessing(Number(process.argv[2])).then(
    (rows) => process.stdout.write(JSON.stringify(rows)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
