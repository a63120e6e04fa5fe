import App from '../index';

/**
 * Prints, per operation, how many output fields it declares and the labels, most mapped first,
 * to weigh against OUTPUT_FIELD_CAPS of test/integration-checks.ts.
 * Run `npm run build && node dist/tools/output-fields.js`.
 */
type Operation = { operation: { outputFields?: unknown[] } };

const KINDS = { triggers: 'trigger', creates: 'create', searches: 'search' } as const;

for (const kind of ['triggers', 'creates', 'searches'] as const) {
  for (const [key, op] of Object.entries((App[kind] ?? {}) as Record<string, Operation>)) {
    const fields = (op.operation.outputFields ?? []) as { label?: string }[];
    console.log(`${KINDS[kind]} ${key}: ${fields.length} output fields`);
    console.log(`  ${fields.map((field) => field.label).join(' | ')}`);
  }
}
