/**
 * The Zapier integration checks and style rules that can be checked offline (shared/zapier-platform.md,
 * Part 2 §6–7), applied to the whole definition. Each problem names the check, the place and the fix.
 */

type Field = Record<string, unknown>;
type Operation = {
  key?: string;
  noun?: string;
  display?: { label?: string; description?: string; hidden?: boolean; helpText?: string };
  operation?: {
    type?: string;
    inputFields?: unknown[];
    outputFields?: unknown[];
    sample?: Record<string, unknown>;
  };
};
type Definition = {
  authentication?: { fields?: Field[] };
  triggers?: Record<string, Operation>;
  creates?: Record<string, Operation>;
  searches?: Record<string, Operation>;
  searchOrCreates?: Record<
    string,
    { key?: string; display?: { label?: string; description?: string } }
  >;
};

/** Words Title Case leaves lower-case. */
const SMALL_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'nor',
  'to',
  'in',
  'on',
  'for',
  'of',
  'by',
  'with',
  'at',
  'as',
  'if',
]);

/**
 * Inputs whose key looks like an ID but that users legitimately type, each with the reason.
 * Everything else that names a Re:amaze record must be a dynamic dropdown (D004).
 */
export const TYPED_ID_FIELDS: Readonly<Record<string, string>> = {
  origin_id: 'a unique ID from the user’s own system, used to stop a replayed step posting twice',
  contact_id: 'the ID of the contact in the user’s own system (Re:amaze stores it as given)',
  external_id: 'the ID of the contact in the user’s own system (Re:amaze stores it as given)',
};

export function isTitleCase(label: string): boolean {
  return label.split(/\s+/).every((word, index) => {
    const letters = word.replace(/^[^A-Za-z0-9]+/, '');
    if (letters === '' || /^[0-9]/.test(letters)) return true;
    if (index > 0 && SMALL_WORDS.has(letters.toLowerCase()))
      return letters === letters.toLowerCase();
    return /^[A-Z]/.test(letters);
  });
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** D008: Markdown links `[text](https://…)` well formed; no bare URL outside a link or backticks. */
export function markdownProblems(text: string): string[] {
  const problems: string[] = [];
  const withoutCode = text.replace(/`[^`]*`/g, '');
  const links = [...withoutCode.matchAll(/\[([^\]]*)\]\(([^)\s]*)\)/g)];
  for (const [, label, url] of links) {
    if (!label?.trim()) problems.push(`D008 empty link text for ${url}`);
    if (!/^https:\/\/[^\s]+$/.test(url ?? ''))
      problems.push(`D008 link target "${url}" is not an https URL`);
  }
  const outsideLinks = withoutCode.replace(/\[([^\]]*)\]\(([^)\s]*)\)/g, '$1');
  if (/\]\s*\(|\[[^\]]*\]\s+\(/.test(outsideLinks)) problems.push('D008 malformed Markdown link');
  const bare = outsideLinks.match(/\bhttps?:\/\/\S+/g);
  if (bare) problems.push(`D008 bare URL ${bare[0]} must be a Markdown link or in backticks`);
  return problems;
}

function walkStrings(value: unknown, visit: (text: string, path: string) => void, path = ''): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value))
    value.forEach((item, index) => walkStrings(item, visit, `${path}[${index}]`));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value))
      walkStrings(inner, visit, path ? `${path}.${key}` : key);
  }
}

/** Flattens a sample the way Zapier names nested output fields: `conversation__slug`. */
function sampleKeys(sample: Record<string, unknown>, prefix = ''): Set<string> {
  const keys = new Set<string>();
  for (const [key, value] of Object.entries(sample)) {
    const name = prefix ? `${prefix}__${key}` : key;
    keys.add(name);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const inner of sampleKeys(value as Record<string, unknown>, name)) keys.add(inner);
    }
    if (Array.isArray(value) && value[0] && typeof value[0] === 'object') {
      for (const inner of sampleKeys(value[0] as Record<string, unknown>, name)) keys.add(inner);
    }
  }
  return keys;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_TIME_LIKE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const SECRET_WORDS = /\b(password|passwd|api[ _-]?key|api[ _-]?token|secret|access[ _-]?token)\b/i;

function operationProblems(
  kind: 'trigger' | 'create' | 'search',
  key: string,
  op: Operation,
): string[] {
  const problems: string[] = [];
  const where = `${kind} ${key}`;
  const label = op.display?.label ?? '';
  const description = op.display?.description ?? '';
  const hidden = op.display?.hidden === true;

  if (op.key !== key) problems.push(`${where}: registry key and operation key differ (${op.key})`);
  if (!/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(key)) problems.push(`${where}: key must be snake_case`);
  if (!hidden) {
    if (!isTitleCase(label)) problems.push(`D018 ${where}: label "${label}" must be Title Case`);
    if (kind === 'trigger' && !/^Triggers when .+\.$/.test(description)) {
      problems.push(`D021 ${where}: description must start "Triggers when " and end with a period`);
    }
    if (kind === 'create' && !/^[A-Z][a-z]+s\b.*\.$/.test(description)) {
      problems.push(
        `${where}: description must start with a third-person verb ("Creates …") and end with a period`,
      );
    }
    if (kind === 'search' && !/^Finds\b.*\.$/.test(description)) {
      problems.push(`${where}: description must start "Finds" and end with a period`);
    }
    if (/\bre:?amaze\b/i.test(description))
      problems.push(`${where}: description should not name the app`);
  }

  const sample = op.operation?.sample;
  if (!sample || typeof sample !== 'object') {
    problems.push(`D012 ${where}: a static sample is required`);
  } else {
    const outputFields = (op.operation?.outputFields ?? []) as Field[];
    const primary = outputFields
      .filter((field) => field.primary === true)
      .map((field) => String(field.key));
    if (kind === 'trigger' && op.operation?.type !== 'hook') {
      const keys = primary.length > 0 ? primary : ['id'];
      for (const primaryKey of keys) {
        if (!(primaryKey in sample))
          problems.push(`D010 ${where}: sample lacks the primary key ${primaryKey}`);
      }
    }
    const available = sampleKeys(sample);
    for (const field of outputFields) {
      if (typeof field !== 'object' || !field.key) continue;
      if (!field.label) problems.push(`${where}: output field ${String(field.key)} needs a label`);
      if (!available.has(String(field.key))) {
        problems.push(`D024 ${where}: output field ${String(field.key)} is not in the sample`);
      }
    }
    walkStrings(sample, (text, path) => {
      if (DATE_TIME_LIKE.test(text) && !ISO_DATE_TIME.test(text)) {
        problems.push(`D023 ${where}: sample ${path} "${text}" must be ISO 8601 with a time zone`);
      }
    });
  }

  for (const field of (op.operation?.inputFields ?? []) as Field[]) {
    if (typeof field !== 'object') continue; // dynamic field functions are checked by their own tests
    const fieldKey = String(field.key ?? '');
    const fieldLabel = String(field.label ?? '');
    if (
      field.helpText !== undefined &&
      normalise(String(field.helpText)) === normalise(fieldLabel)
    ) {
      problems.push(`D011 ${where}: help text of ${fieldKey} only repeats its label`);
    }
    if (
      SECRET_WORDS.test(fieldKey.replace(/_/g, ' ')) ||
      SECRET_WORDS.test(fieldLabel) ||
      field.type === 'password'
    ) {
      problems.push(
        `D001 ${where}: input ${fieldKey} looks like a credential; credentials belong in authentication`,
      );
    }
    const looksLikeId = /(^|_)(id|slug)$/.test(fieldKey);
    if (looksLikeId && !field.dynamic && !field.search && !(fieldKey in TYPED_ID_FIELDS)) {
      problems.push(`D004 ${where}: ${fieldKey} must be chosen from a dynamic dropdown, not typed`);
    }
    if (field.label !== undefined && !isTitleCase(fieldLabel)) {
      problems.push(`${where}: input label "${fieldLabel}" must be Title Case`);
    }
  }
  return problems;
}

/** Every offline-checkable problem in a definition; empty when it is clean. */
export function definitionProblems(definition: object): string[] {
  const app = definition as Definition;
  const problems: string[] = [];
  for (const [key, op] of Object.entries(app.triggers ?? {}))
    problems.push(...operationProblems('trigger', key, op));
  for (const [key, op] of Object.entries(app.creates ?? {}))
    problems.push(...operationProblems('create', key, op));
  for (const [key, op] of Object.entries(app.searches ?? {}))
    problems.push(...operationProblems('search', key, op));
  for (const [key, soc] of Object.entries(app.searchOrCreates ?? {})) {
    if (!isTitleCase(soc.display?.label ?? ''))
      problems.push(`D018 searchOrCreate ${key}: label must be Title Case`);
  }

  walkStrings(app, (text, path) => {
    if (/\bhttp:\/\//.test(text)) problems.push(`D007 ${path}: URL must be HTTPS`);
    if (/\b(javascript|data|vbscript):/i.test(text) && /\]\(|href|url/i.test(text + path)) {
      problems.push(`D025 ${path}: dangerous URI scheme`);
    }
    if (/(helpText|description)$/.test(path)) {
      for (const problem of markdownProblems(text)) problems.push(`${problem} (${path})`);
    }
  });

  for (const field of app.authentication?.fields ?? []) {
    if (field.type === 'password' && !/\]\(https:\/\//.test(String(field.helpText ?? ''))) {
      problems.push(
        `D002 authentication ${String(field.key)}: help text must link to where the credential is found`,
      );
    }
  }
  return problems;
}
