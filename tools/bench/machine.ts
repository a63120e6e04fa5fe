import os from 'node:os';

/** Where and when the figures were taken: they only compare within one run on one machine. */
export function machineDescription(date: Date = new Date()): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const memoryGiB = Math.round(os.totalmem() / 2 ** 30);
  return [
    `Date: ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `Machine: ${cpu}, ${os.availableParallelism()} cores, ${memoryGiB} GiB RAM, ${os.type()} ${os.release()} (${os.arch()})`,
    `Node: ${process.version}`,
    // Other work on the machine widens the spread of every timing; the ratios compare like with like.
    `Load average at start: ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(', ')} (1, 5, 15 min)`,
  ].join('\n');
}
