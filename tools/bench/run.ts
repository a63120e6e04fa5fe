import { measureApiCost } from './api-cost';
import { measureColdStart } from './cold-start';
import { machineDescription } from './machine';
import { measurePackageSize } from './package-size';
import { measurePollLatency } from './poll-latency';
import { measureProcessingApart } from './processing';
import { nowMs } from './stats';
import { failedRow, renderTable, type Row } from './table';

/**
 * `npm run bench`: every figure is a median over repeated runs, each against a baseline measured
 * in the same run on the same machine. `--short` (CI) runs fewer repetitions and prints the same
 * table. The exit code says whether every measurement ran, not whether every target was met.
 */

/** How many times each figure is taken; every figure is the median of its runs. */
interface Repetitions {
  /** Fresh processes per side. */
  coldStart: number;
  /** Offline builds per side (sizes are deterministic: the median only guards the reading). */
  builds: number;
  /** Polls counted per scenario. */
  apiCost: number;
  /** Polls of the busy brand, each side. */
  busyPolls: number;
  /** Pairs of (bare request, poll) per scenario. */
  quietLatency: number;
  burstLatency: number;
  /** Rounds of 50 parses and 50 trigger runs per page. */
  processing: number;
}

const FULL: Repetitions = {
  coldStart: 31,
  builds: 3,
  apiCost: 5,
  busyPolls: 10,
  quietLatency: 31,
  burstLatency: 15,
  processing: 31,
};
const SHORT: Repetitions = {
  coldStart: 5,
  builds: 1,
  apiCost: 3,
  busyPolls: 3,
  quietLatency: 9,
  burstLatency: 5,
  processing: 9,
};

interface Measurement {
  name: string;
  run: (repetitions: Repetitions) => Promise<Row[]>;
}

const MEASUREMENTS: Measurement[] = [
  { name: 'Cold start', run: (r) => measureColdStart(r.coldStart) },
  { name: 'API cost', run: (r) => measureApiCost(r.apiCost, r.busyPolls) },
  { name: 'Poll latency', run: (r) => measurePollLatency(r.quietLatency, r.burstLatency) },
  { name: 'Processing', run: (r) => measureProcessingApart(r.processing) },
  { name: 'Package size', run: (r) => measurePackageSize(r.builds) },
];

async function main(): Promise<number> {
  const short = process.argv.includes('--short');
  const repetitions = short ? SHORT : FULL;
  console.log(`Re:amaze for Zapier — bench${short ? ' (--short)' : ''}`);
  console.log(machineDescription());
  console.log('');

  const benchStarted = nowMs();
  const rows: Row[] = [];
  let failures = 0;
  for (const measurement of MEASUREMENTS) {
    const started = nowMs();
    process.stderr.write(`… ${measurement.name}`);
    try {
      rows.push(...(await measurement.run(repetitions)));
      process.stderr.write(` (${((nowMs() - started) / 1000).toFixed(1)} s)\n`);
    } catch (error) {
      failures += 1;
      rows.push(failedRow(measurement.name, error));
      process.stderr.write(` failed:\n${error instanceof Error ? error.stack : String(error)}\n`);
    }
  }

  console.log(renderTable(rows));
  const missed = rows.filter((row) => row.met === false).length;
  const seconds = Math.round((nowMs() - benchStarted) / 1000);
  console.log('');
  console.log('Ratio = value ÷ baseline, both measured in this run; every figure a median.');
  if (rows.some((row) => row.verdict === 'noisy')) {
    console.log(
      'noisy = two medians of identical work differ by more than the target margin on this machine now; rerun when it is quieter.',
    );
  }
  console.log(
    failures > 0
      ? `${failures} measurement(s) failed to run (${seconds} s).`
      : `All measurements ran in ${seconds} s; ${missed === 0 ? 'every target met' : `${missed} target(s) missed`}.`,
  );
  return failures > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
