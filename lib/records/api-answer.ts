import type { PlainOutputField } from 'zapier-platform-core';
import { isRecord } from '../http/api-values';

/**
 * API Request's answer as fields a later step maps: the HTTP status, every top-level value of the
 * JSON answer as its own field, nested objects flattened with `__` (the separator Zapier's own
 * field picker uses), lists of objects as line items, and the whole answer as JSON text.
 */

export type AnswerItem = Record<string, unknown> & { status_code: number; response_json: string };

/** Objects deeper than this are given as JSON text, so one answer never explodes into a maze. */
export const MAX_DEPTH = 3;

/** Fields past this many are left out (they stay in the JSON text), and a note says so. */
export const MAX_FIELDS = 250;

const RESERVED = new Set(['status_code', 'response_json', 'response_note']);

type Scalar = string | number | boolean | null;

function isScalar(value: unknown): value is Scalar {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

/** One value at `depth`: scalars as they are, objects flattened, lists kept when mappable. */
function flatInto(out: Record<string, unknown>, key: string, value: unknown, depth: number): void {
  if (isScalar(value)) out[key] = value;
  else if (isRecord(value)) {
    if (depth >= MAX_DEPTH) out[key] = JSON.stringify(value);
    else
      for (const [inner, v] of Object.entries(value))
        flatInto(out, `${key}__${inner}`, v, depth + 1);
  } else if (Array.isArray(value) && value.every(isScalar)) out[key] = value;
  else if (Array.isArray(value) && value.every(isRecord) && depth < MAX_DEPTH) {
    out[key] = value.map((item) => flatObject(item, depth + 1));
  } else out[key] = JSON.stringify(value ?? null);
}

function flatObject(object: Record<string, unknown>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) flatInto(out, key, value, depth);
  return out;
}

/**
 * The answer as one item. An object answer gives its keys; a list answer gives `items`; any other
 * JSON value gives `value`; an empty answer (a 204) gives only the status. A key of the answer
 * named like one of this item's own fields is kept as `response__{key}`.
 */
export function flattenAnswer(status: number, body: unknown): AnswerItem {
  const fields: Record<string, unknown> = {};
  if (isRecord(body)) {
    for (const [key, value] of Object.entries(body)) {
      flatInto(fields, RESERVED.has(key) ? `response__${key}` : key, value, 0);
    }
  } else if (body !== undefined) flatInto(fields, Array.isArray(body) ? 'items' : 'value', body, 0);
  const keys = Object.keys(fields);
  const kept = Object.fromEntries(keys.slice(0, MAX_FIELDS).map((key) => [key, fields[key]]));
  return {
    status_code: status,
    ...kept,
    ...(keys.length > MAX_FIELDS
      ? {
          response_note: `The answer has ${keys.length} fields; the first ${MAX_FIELDS} are given as fields, all of them in Response as JSON Text.`,
        }
      : {}),
    response_json: body === undefined ? '' : JSON.stringify(body),
  };
}

/** The fields every answer has; the answer's own fields come from the live run. */
export const answerOutputFields: PlainOutputField[] = [
  { key: 'status_code', label: 'HTTP Status', type: 'integer', required: true },
  { key: 'response_json', label: 'Response as JSON Text' },
];
