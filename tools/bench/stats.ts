/** Small statistics and timing helpers shared by every measurement. */

/** The middle value (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Milliseconds since an arbitrary origin, with sub-millisecond resolution. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Wall time of one awaited call, in milliseconds. */
export async function timeMs(action: () => Promise<unknown>): Promise<number> {
  const started = nowMs();
  await action();
  return nowMs() - started;
}

/** Runs `action` `times` times, one after another, and returns each wall time in milliseconds. */
export async function timeEach(times: number, action: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) samples.push(await timeMs(action));
  return samples;
}
