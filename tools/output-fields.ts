import App from '../index';

/**
 * Prints, per operation, how many output fields it declares, its longest label, and the labels,
 * most mapped first:
 * the figures docs/publishing.md quotes. Run `npm run build && node dist/tools/output-fields.js`.
 */
type Operation = { operation: { outputFields?: unknown[] } };

const KINDS = { triggers: 'trigger', creates: 'create', searches: 'search' } as const;

for (const kind of ['triggers', 'creates', 'searches'] as const) {
  for (const [key, op] of Object.entries((App[kind] ?? {}) as Record<string, Operation>)) {
    const fields = (op.operation.outputFields ?? []) as { label?: string }[];
    const longest = fields
      .map((field) => field.label ?? '')
      .reduce((a, b) => (b.length > a.length ? b : a), '');
    console.log(
      `${KINDS[kind]} ${key}: ${fields.length} output fields, longest label (${longest.length}): ${longest}`,
    );
    console.log(`  ${fields.map((field) => field.label).join(' | ')}`);
  }
}
