import { runNode } from './process';
import { APP_ENTRY, PROJECT_ROOT } from './paths';
import { median, nowMs } from './stats';
import type { Row } from './table';

/**
 * Cold start: what a fresh Lambda pays before the first poll. Each sample is a new Node process,
 * timed whole from spawn to exit (boot, requires, exit) by this process, and timing its own
 * `require()` calls inside. Core alone is the floor every Zapier app pays; the app is required
 * through the root index.js (over the bundle dist/app.js), exactly as Zapier loads it. The app's
 * processes require core first, then index.js, so the same process also tells the core share from
 * the app's own share: index.js's first import is core anyway, so the work is the same, and that
 * split is immune to the noise between processes on a shared machine.
 */

const TARGET_RATIO = 1.02;

interface LoadSample {
  /** The whole process, spawn to exit, in ms. */
  processMs: number;
  /** require(core), in ms. */
  coreMs: number;
  /** require(core) and then require(shim) in the app's processes, in ms; 0 for core alone. */
  totalMs: number;
  /** Files loaded from node_modules: equal on both sides when the app adds no dependency. */
  dependencyFiles: number;
  /** Files loaded from outside node_modules: the app's own compiled modules. */
  ownFiles: number;
}

// Runs in the fresh process: times the requires and counts what they loaded.
const PROBE = `
const [core, app] = process.argv.slice(1);
const clock = () => Number(process.hrtime.bigint()) / 1e6;
const started = clock();
require(core);
const coreDone = clock();
if (app) require(app);
const files = Object.keys(require.cache);
const dependencyFiles = files.filter((file) => file.includes('/node_modules/')).length;
process.stdout.write(JSON.stringify({
  coreMs: coreDone - started,
  totalMs: clock() - started,
  dependencyFiles,
  ownFiles: files.length - dependencyFiles,
}));
`;

async function load(modules: string[]): Promise<LoadSample> {
  const env = { ...process.env };
  // Both sides compile from scratch, as on a new Lambda.
  delete env.NODE_COMPILE_CACHE;
  delete env.NODE_OPTIONS;
  const started = nowMs();
  const { stdout } = await runNode(['-e', PROBE, ...modules], {
    cwd: PROJECT_ROOT,
    env,
    label: 'the cold-start probe',
  });
  return { ...(JSON.parse(stdout) as Omit<LoadSample, 'processMs'>), processMs: nowMs() - started };
}

const ms = (value: number): string => `${value.toFixed(0)} ms`;

export async function measureColdStart(repetitions: number): Promise<Row[]> {
  const core = require.resolve('zapier-platform-core', { paths: [PROJECT_ROOT] });
  await load([core, APP_ENTRY]); // warms the OS file cache for both sides
  const coreAlone: LoadSample[] = [];
  const app: LoadSample[] = [];
  for (let i = 0; i < repetitions; i += 1) {
    // Alternate the order so drift in machine load falls on both sides alike.
    if (i % 2 === 0) {
      coreAlone.push(await load([core]));
      app.push(await load([core, APP_ENTRY]));
    } else {
      app.push(await load([core, APP_ENTRY]));
      coreAlone.push(await load([core]));
    }
  }

  const coreMs = median(coreAlone.map((sample) => sample.processMs));
  const appMs = median(app.map((sample) => sample.processMs));
  const first = app[0] as LoadSample;
  const addedDependencyFiles = first.dependencyFiles - (coreAlone[0] as LoadSample).dependencyFiles;
  const coreShareMs = median(app.map((sample) => sample.coreMs));
  const ownMs = median(app.map((sample) => sample.totalMs - sample.coreMs));
  const pairedRatio = median(app.map((sample) => sample.totalMs / sample.coreMs));
  // Same work on both sides (core's require alone, and inside the app's processes): how far apart
  // two medians of identical work land on this machine now. Beyond the target's margin, the
  // comparison between processes cannot decide.
  const sameWork = coreShareMs / median(coreAlone.map((sample) => sample.coreMs));
  const undecided = Math.abs(sameWork - 1) > TARGET_RATIO - 1;

  return [
    {
      measurement: `Cold start: whole fresh processes (median of ${repetitions} each, alternating)`,
      baseline: `core alone ${ms(coreMs)}`,
      value: `app via index.js ${ms(appMs)} (same work twice: ${sameWork.toFixed(2)}×)`,
      ratio: appMs / coreMs,
      target: `ratio ≤ ${TARGET_RATIO}`,
      met: undecided ? undefined : appMs / coreMs <= TARGET_RATIO,
      verdict: undecided ? 'noisy' : undefined,
    },
    {
      measurement: `Cold start: the app's own require(), same processes (median of ${repetitions})`,
      baseline: `core's require ${ms(coreShareMs)}`,
      value: `+${ms(ownMs)}: ${first.ownFiles} app files, ${addedDependencyFiles} more dependency files`,
      ratio: pairedRatio,
      target: `ratio ≤ ${TARGET_RATIO}`,
      met: pairedRatio <= TARGET_RATIO,
    },
  ];
}
