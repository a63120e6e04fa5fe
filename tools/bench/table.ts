/** One row of the bench table: a figure, the baseline it is compared with, and its target. */
export interface Row {
  measurement: string;
  /** The baseline as shown, e.g. "core alone 431 ms". */
  baseline: string;
  /** The figure as shown, e.g. "app 437 ms". */
  value: string;
  /** value ÷ baseline; undefined when the figure has no meaningful ratio. */
  ratio?: number;
  /** The target as shown, e.g. "ratio ≤ 1.05". */
  target: string;
  /** Whether the target is met; undefined for figures that are only reported. */
  met?: boolean;
  /** Shown instead of yes/NO when the run could not tell, e.g. "noisy". */
  verdict?: string;
}

/** A row for a measurement that failed to run. */
export function failedRow(measurement: string, error: unknown): Row {
  const message = error instanceof Error ? error.message : String(error);
  return {
    measurement,
    baseline: '—',
    value: `FAILED: ${message.split('\n')[0]}`,
    target: '—',
  };
}

export function formatRatio(ratio: number | undefined): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${ratio < 10 ? ratio.toFixed(2) : ratio.toFixed(1)}×`;
}

function formatMet(row: Row): string {
  if (row.value.startsWith('FAILED')) return 'failed';
  if (row.verdict) return row.verdict;
  if (row.met === undefined) return 'reported';
  return row.met ? 'yes' : 'NO';
}

/** A Markdown table, aligned so it reads in a terminal and pastes into the README as is. */
export function renderTable(rows: readonly Row[]): string {
  const header = ['Measurement', 'Baseline', 'Value', 'Ratio', 'Target', 'Met?'];
  const cells = rows.map((row) => [
    row.measurement,
    row.baseline,
    row.value,
    formatRatio(row.ratio),
    row.target,
    formatMet(row),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((line) => (line[column] as string).length)),
  );
  const line = (values: readonly string[]): string =>
    `| ${values.map((value, column) => value.padEnd(widths[column] as number)).join(' | ')} |`;
  return [
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...cells.map((values) => line(values)),
  ].join('\n');
}
