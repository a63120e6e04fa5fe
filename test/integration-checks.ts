/**
 * Zapier's published integration checks (https://docs.zapier.com/platform/publish/integration-checks-reference)
 * and the style rules of its publishing guide, run offline over the whole definition. Each problem
 * names the check, the place and the fix.
 *
 * Covered here: D001–D018, D021–D025, D028, and the style rules below (S-prefixed: Title Case of
 * every label, descriptions, output labels, help text, output caps, sample typing, no value twice,
 * label length, no custom data in samples, one label per concept, distinct dropdown labels).
 * Not covered, and why:
 *  - D019, D020: not in the published reference (retired codes).
 *  - D026 (subdomain validated before any request): behaviour of code, not of the definition; the
 *    brand tests (test/lib/http/brand.test.ts) and the fault matrix check it instead.
 *  - D027 (latest zapier-platform-core): needs the npm registry; test/definition.test.ts pins the
 *    installed core and `zapier-platform validate` checks it online.
 *  - A, C, E, L, M, S, T, U, Z codes: about accounts, earlier versions, marketing, live usage and
 *    Zap history on zapier.com; nothing in the definition can answer them.
 */

type Field = Record<string, unknown>;
type Operation = {
  key?: string;
  noun?: string;
  display?: {
    label?: string;
    description?: string;
    hidden?: boolean;
  };
  operation?: {
    type?: string;
    canPaginate?: boolean;
    performList?: unknown;
    performSubscribe?: unknown;
    inputFields?: unknown[];
    outputFields?: unknown[];
    sample?: Record<string, unknown>;
  };
};
type Kind = 'trigger' | 'create' | 'search';
type Definition = {
  authentication?: { fields?: Field[]; connectionLabel?: unknown };
  flags?: { cleanInputData?: boolean };
  triggers?: Record<string, Operation>;
  creates?: Record<string, Operation>;
  searches?: Record<string, Operation>;
  searchOrCreates?: Record<
    string,
    { key?: string; display?: { label?: string }; search?: string; create?: string }
  >;
};

/** Words Title Case leaves lower-case. */
const SMALL_WORDS = new Set(
  'a an the and or nor but to in on for of by with at as if per via vs'.split(' '),
);

/**
 * Inputs whose key looks like an ID but that users legitimately type, each with the reason.
 * Everything else that names a Re:amaze record must be a dynamic dropdown (D004).
 */
export const TYPED_ID_FIELDS: Readonly<Record<string, string>> = {
  origin_id: 'a unique ID from the user’s own system, used to stop a replayed step posting twice',
  contact_id: 'the ID of the contact in the user’s own system (Re:amaze stores it as given)',
  external_id: 'the ID of the contact in the user’s own system (Re:amaze stores it as given)',
};

/**
 * Operations whose output is the API's own answer, whatever it reads, each with the reason: their
 * sample keys beyond the declared fields need no label (S-LABEL), since no fixed set could name them.
 */
export const FREE_FORM_OUTPUT: Readonly<Record<string, string>> = {
  api_request: 'its fields are the JSON Re:amaze answers for the path the user typed',
};

/**
 * S-HELP: input labels that say everything a user needs, so they need no help text. Every other
 * input field must have help text (format, where the value comes from, what empty means).
 */
export const SELF_EXPLANATORY_LABELS: ReadonlySet<string> = new Set([
  'Name',
  'Email',
  'Subject',
  'Message',
  'Note',
]);

/** S-LEN: the longest output label the mapping menu shows whole; explanations go to help text or docs. */
export const MAX_OUTPUT_LABEL = 40;

/**
 * S-CONCEPT: keys that name the record itself (its ID, name, text, dates), whose label depends on
 * the record: compared only between operations of the same noun. Every other key names one concept
 * (a conversation, a channel, the user's own ID…) and carries one label everywhere.
 */
export const RECORD_KEYS: ReadonlySet<string> = new Set([
  'name',
  'email',
  'body',
  'body_text',
  'title',
  'status',
  'created_at',
  'updated_at',
]);

/** S-CAP: most output fields one item may have, by the operation's noun; others get the default. */
export const OUTPUT_FIELD_CAPS: Readonly<Record<string, number>> = {
  Message: 22,
  Conversation: 27,
  default: 25,
};

export function isTitleCase(label: string): boolean {
  return label.split(/\s+/).every((word, index) => {
    const letters = word.replace(/^[^A-Za-z0-9]+/, '');
    if (letters === '' || /^[0-9]/.test(letters)) return true;
    if (index > 0 && SMALL_WORDS.has(letters.replace(/[^A-Za-z]+$/, '').toLowerCase()))
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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_TIME_LIKE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const SECRET_WORDS = /\b(password|passwd|api[ _-]?key|api[ _-]?token|secret|access[ _-]?token)\b/i;

/**
 * The sample values an output field key names: `a__b` is `sample.a.b`; `a[]b` is `b` of every
 * object in the list `sample.a`. `missing` when the path does not exist.
 */
const MISSING = Symbol('missing');
function valuesAt(sample: Record<string, unknown>, key: string): unknown[] | typeof MISSING {
  const [listKey, childKey] = key.split('[]') as [string, string | undefined];
  if (childKey !== undefined) {
    const list = sample[listKey];
    if (!Array.isArray(list)) return MISSING;
    return list.map((item) => (isPlainObject(item) && childKey in item ? item[childKey] : MISSING));
  }
  let value: unknown = sample;
  for (const part of key.split('__')) {
    if (!isPlainObject(value) || !(part in value)) return MISSING;
    value = value[part];
  }
  return [value];
}

/** D024: why a sample value does not fit its output field's type; undefined when it does. */
export function typeProblem(field: Field, value: unknown): string | undefined {
  if (value === MISSING) return 'is missing';
  // A static sample shows a realistic value of each type; live items may still carry null.
  if (value === null || value === undefined) {
    return field.required === true ? 'is required but empty' : 'is null: show a value of its type';
  }
  // A list field, at the top or inside each line item (`lines[]emails`).
  if (field.list === true && (!field.key?.toString().includes('[]') || Array.isArray(value))) {
    if (!Array.isArray(value)) return 'must be a list';
    for (const item of value) {
      const problem = typeProblem({ ...field, list: false, required: false }, item);
      if (problem) return `item ${problem}`;
    }
    return undefined;
  }
  if (field.dict === true) return isPlainObject(value) ? undefined : 'must be an object';
  switch (field.type ?? 'string') {
    case 'datetime':
      return typeof value === 'string' && ISO_DATE_TIME.test(value)
        ? undefined
        : 'must be an ISO 8601 date-time with a time zone';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'integer':
      return Number.isInteger(value) ? undefined : 'must be an integer';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
    default:
      if (typeof value !== 'string') return 'must be text';
      return field.required === true && value.trim() === '' ? 'is required but empty' : undefined;
  }
}

/**
 * S-SAME: two output fields "carry the same value" when both sample values are non-trivial and
 * equal: strings equal after trimming (trivial: empty), lists or objects with equal JSON
 * (trivial: empty). Numbers, booleans and null are left out: small scalars coincide by chance.
 * The field a search-powered input reads (`search: 'find_x.key'`) is exempt: it exists to hold
 * the value the actions take, which equals another field by design (an email, say).
 */
export function sameValueProblems(
  where: string,
  outputFields: Field[],
  sample: Record<string, unknown>,
  exempt: ReadonlySet<string> = new Set(),
): string[] {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const field of outputFields) {
    const key = String(field.key);
    if (exempt.has(key)) continue;
    const values = valuesAt(sample, key);
    if (values === MISSING) continue;
    const value = values.length === 1 && !key.includes('[]') ? values[0] : values;
    let token: string | undefined;
    if (typeof value === 'string' && value.trim() !== '') token = `s:${value.trim()}`;
    else if (Array.isArray(value) && value.some((item) => item !== '' && item !== null))
      token = `j:${JSON.stringify(value)}`;
    else if (isPlainObject(value) && Object.keys(value).length > 0)
      token = `j:${JSON.stringify(value)}`;
    if (token === undefined) continue;
    const other = seen.get(token);
    if (other !== undefined)
      problems.push(`S-SAME ${where}: output fields ${other} and ${key} carry the same value`);
    else seen.set(token, key);
  }
  return problems;
}

/** Top-level sample keys an output field declares (`a__b` and `a[]b` declare `a`). */
function declaredTopKeys(outputFields: Field[]): Set<string> {
  return new Set(outputFields.map((field) => String(field.key).split(/__|\[\]/)[0] ?? ''));
}

function operationProblems(
  kind: Kind,
  key: string,
  op: Operation,
  searchTargets: ReadonlySet<string>,
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
        `S-DESC ${where}: description must start with a third-person verb ("Creates …") and end with a period`,
      );
    }
    if (kind === 'search' && !/^Finds\b.*\.$/.test(description)) {
      problems.push(`S-DESC ${where}: description must start "Finds" and end with a period`);
    }
    if (/\bre:?amaze\b/i.test(description))
      problems.push(`S-DESC ${where}: description should not name the app`);
    if (description.length > 100)
      problems.push(`S-DESC ${where}: description must be short (at most 100 characters)`);
  }
  if (op.operation?.type === 'hook') {
    if (!op.operation.performList)
      problems.push(`D006 ${where}: a REST hook trigger needs a performList fallback`);
    if (!op.operation.performSubscribe)
      problems.push(`D017 ${where}: a static webhook is not supported; subscribe or poll`);
  }

  const outputFields = ((op.operation?.outputFields ?? []) as Field[]).filter(
    (field) => typeof field === 'object' && field !== null,
  );
  const cap = OUTPUT_FIELD_CAPS[op.noun ?? ''] ?? OUTPUT_FIELD_CAPS.default ?? 25;
  if (outputFields.length > cap) {
    problems.push(`S-CAP ${where}: ${outputFields.length} output fields, at most ${cap}`);
  }
  const labels = new Map<string, string>();
  for (const field of outputFields) {
    const fieldKey = String(field.key ?? '');
    const fieldLabel = typeof field.label === 'string' ? field.label : '';
    if (fieldLabel === '') {
      problems.push(`S-LABEL ${where}: output field ${fieldKey} needs a label`);
      continue;
    }
    if (!isTitleCase(fieldLabel))
      problems.push(`S-LABEL ${where}: output label "${fieldLabel}" must be Title Case`);
    const other = labels.get(fieldLabel.toLowerCase());
    if (other !== undefined)
      problems.push(
        `S-LABEL ${where}: output fields ${other} and ${fieldKey} share the label "${fieldLabel}"`,
      );
    else labels.set(fieldLabel.toLowerCase(), fieldKey);
    if (fieldLabel.length > MAX_OUTPUT_LABEL)
      problems.push(
        `S-LEN ${where}: output label "${fieldLabel}" has ${fieldLabel.length} characters, at most ${MAX_OUTPUT_LABEL}`,
      );
    if (/\bcode\b/i.test(fieldLabel) && (field.type === 'integer' || field.type === 'number'))
      problems.push(`S-LABEL ${where}: ${fieldKey} is a raw code; output its label instead`);
  }

  const sample = op.operation?.sample;
  if (!isPlainObject(sample)) {
    problems.push(`D012 ${where}: a static sample is required`);
  } else {
    const primary = outputFields
      .filter((field) => field.primary === true)
      .map((field) => String(field.key));
    if (kind === 'trigger' && op.operation?.type !== 'hook') {
      for (const primaryKey of primary.length > 0 ? primary : ['id']) {
        const value = sample[primaryKey];
        if (value === undefined || value === null || value === '')
          problems.push(`D010 ${where}: sample lacks the primary key ${primaryKey}`);
      }
    }
    for (const field of outputFields) {
      const values = valuesAt(sample, String(field.key));
      const list = values === MISSING ? [MISSING] : values;
      for (const value of list) {
        const problem = typeProblem(field, value);
        if (problem) {
          problems.push(`D024 ${where}: sample ${String(field.key)} ${problem}`);
          break;
        }
      }
    }
    for (const field of outputFields.filter((each) => each.dict === true)) {
      const values = valuesAt(sample, String(field.key));
      const value = values === MISSING ? undefined : values[0];
      if (isPlainObject(value) && Object.keys(value).length > 0)
        problems.push(
          `S-CUSTOM ${where}: sample ${String(field.key)} shows custom data keys (${Object.keys(value).join(', ')}): they exist only on some accounts; keep it empty`,
        );
    }
    const declared = declaredTopKeys(outputFields);
    for (const sampleKey of Object.keys(sample)) {
      if (!declared.has(sampleKey) && !(key in FREE_FORM_OUTPUT))
        problems.push(`S-LABEL ${where}: sample key ${sampleKey} has no labelled output field`);
    }
    walkStrings(sample, (text, path) => {
      if (DATE_TIME_LIKE.test(text) && !ISO_DATE_TIME.test(text)) {
        problems.push(`D023 ${where}: sample ${path} "${text}" must be ISO 8601 with a time zone`);
      }
    });
    problems.push(...sameValueProblems(where, outputFields, sample, searchTargets));
  }

  const inputFields = ((op.operation?.inputFields ?? []) as Field[]).filter(
    (field) => typeof field === 'object' && field !== null, // dynamic field functions: own tests
  );
  if (kind === 'search' && inputFields.length === 0)
    problems.push(`D009 ${where}: a search needs at least one input field`);
  if (kind === 'create' && inputFields.length === 0)
    problems.push(`D022 ${where}: an action needs static input fields`);
  for (const field of inputFields) {
    const fieldKey = String(field.key ?? '');
    const fieldLabel = String(field.label ?? '');
    const helpText = typeof field.helpText === 'string' ? field.helpText : '';
    if (helpText !== '' && normalise(helpText) === normalise(fieldLabel)) {
      problems.push(`D011 ${where}: help text of ${fieldKey} only repeats its label`);
    }
    if (helpText === '' && !SELF_EXPLANATORY_LABELS.has(fieldLabel)) {
      problems.push(
        `S-HELP ${where}: input ${fieldKey} ("${fieldLabel}") needs help text: its label does not say it all`,
      );
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
    if (!isTitleCase(fieldLabel)) {
      problems.push(`S-LABEL ${where}: input label "${fieldLabel}" must be Title Case`);
    }
  }
  return problems;
}

/** D005, D013, D014: what `dynamic` and `search` name exists, and search fields have a dropdown. */
function referenceProblems(app: Definition): string[] {
  const problems: string[] = [];
  const operations: [Kind, string, Operation][] = [
    ...Object.entries(app.triggers ?? {}).map(
      ([k, op]) => ['trigger', k, op] as [Kind, string, Operation],
    ),
    ...Object.entries(app.creates ?? {}).map(
      ([k, op]) => ['create', k, op] as [Kind, string, Operation],
    ),
    ...Object.entries(app.searches ?? {}).map(
      ([k, op]) => ['search', k, op] as [Kind, string, Operation],
    ),
  ];
  const outputKeys = (op: Operation | undefined): Set<string> =>
    new Set(((op?.operation?.outputFields ?? []) as Field[]).map((field) => String(field.key)));
  for (const [kind, key, op] of operations) {
    for (const field of (op.operation?.inputFields ?? []) as Field[]) {
      if (typeof field !== 'object' || field === null) continue;
      const where = `${kind} ${key}: input ${String(field.key)}`;
      let dropdownOk = false;
      if (typeof field.dynamic === 'string') {
        const [triggerKey = '', idKey = '', labelKey] = field.dynamic.split('.');
        const trigger = app.triggers?.[triggerKey];
        if (!trigger) {
          problems.push(`D005 ${where}: dynamic names the missing trigger ${triggerKey}`);
        } else {
          const keys = outputKeys(trigger);
          const missing = [idKey, labelKey].filter(
            (name): name is string => name !== undefined && !keys.has(name),
          );
          if (missing.length > 0)
            problems.push(
              `D005 ${where}: trigger ${triggerKey} has no output ${missing.join(', ')}`,
            );
          else dropdownOk = true;
          if (trigger.operation?.canPaginate !== true)
            problems.push(`S-DROPDOWN ${where}: trigger ${triggerKey} must page (canPaginate)`);
        }
      }
      if (typeof field.search === 'string') {
        const [searchKey = '', resultKey = ''] = field.search.split('.');
        const search = app.searches?.[searchKey];
        if (!search) problems.push(`D013 ${where}: search names the missing search ${searchKey}`);
        else if (!outputKeys(search).has(resultKey))
          problems.push(`D013 ${where}: search ${searchKey} has no output ${resultKey}`);
        if (!dropdownOk)
          problems.push(`D014 ${where}: a search-powered field needs a valid dynamic dropdown too`);
        if (
          field.list === true ||
          field.dict === true ||
          field.children !== undefined ||
          !['string', 'number', 'integer', undefined].includes(field.type as string | undefined)
        ) {
          problems.push(`D014 ${where}: a search-powered field must be one plain text or number`);
        }
      }
    }
  }
  return problems;
}

/**
 * S-CONCEPT: one label per concept. Across the visible operations, an output key carries one label
 * ({@link RECORD_KEYS}: within one noun; `id`, each operation's own record, is left out); an
 * identifier an action or search takes (`…_id`) carries the label its output carries.
 */
export function conceptProblems(definition: object): string[] {
  const app = definition as Definition;
  const labels = new Map<string, { label: string; where: string }>();
  const problems: string[] = [];
  const note = (scope: string, label: string, where: string): void => {
    const first = labels.get(scope);
    if (first === undefined) labels.set(scope, { label, where });
    else if (first.label !== label)
      problems.push(
        `S-CONCEPT ${where}: "${label}" names what ${first.where} calls "${first.label}"; use one label`,
      );
  };
  const visible = (kind: Kind, group: Record<string, Operation> | undefined) =>
    Object.entries(group ?? {})
      .filter(([, op]) => op.display?.hidden !== true)
      .map(([key, op]) => ({ kind, key, op }));
  const operations = [
    ...visible('trigger', app.triggers),
    ...visible('create', app.creates),
    ...visible('search', app.searches),
  ];
  const scopeOf = (key: string, noun: string | undefined): string =>
    RECORD_KEYS.has(key) ? `${noun ?? ''}\u0000${key}` : key;
  for (const { kind, key, op } of operations) {
    for (const field of (op.operation?.outputFields ?? []) as Field[]) {
      if (typeof field !== 'object' || field === null || typeof field.label !== 'string') continue;
      const fieldKey = String(field.key);
      if (fieldKey === 'id') continue;
      note(scopeOf(fieldKey, op.noun), field.label, `${kind} ${key}: output ${fieldKey}`);
    }
  }
  for (const { kind, key, op } of operations) {
    if (kind === 'trigger') continue; // a trigger's inputs are filters, not the value itself
    for (const field of (op.operation?.inputFields ?? []) as Field[]) {
      if (typeof field !== 'object' || field === null || typeof field.label !== 'string') continue;
      const fieldKey = String(field.key);
      if (/_id$/.test(fieldKey) && labels.has(fieldKey))
        note(fieldKey, field.label, `${kind} ${key}: input ${fieldKey}`);
    }
  }
  return problems;
}

/**
 * S-DROPDOWN: the choices one dropdown offered for records sharing a title (two conversations
 * with the same subject, say) must read differently, or a user picks the wrong one.
 */
export function dropdownLabelProblems(
  dropdown: string,
  choices: Record<string, unknown>[],
  labelKey: string,
): string[] {
  const byLabel = new Map<string, string[]>();
  for (const choice of choices) {
    const label = String(choice[labelKey] ?? '');
    byLabel.set(label, [...(byLabel.get(label) ?? []), String(choice.id ?? '')]);
  }
  return [...byLabel.entries()]
    .filter(([, ids]) => ids.length > 1)
    .map(
      ([label, ids]) =>
        `S-DROPDOWN ${dropdown}: ${ids.length} choices read "${label}" (${ids.join(', ')}); add what tells them apart`,
    );
}

/** Output keys of searches that search-powered fields read: exempt from S-SAME. */
function searchTargets(app: Definition): Map<string, Set<string>> {
  const targets = new Map<string, Set<string>>();
  for (const group of [app.triggers, app.creates, app.searches]) {
    for (const op of Object.values(group ?? {})) {
      for (const field of (op.operation?.inputFields ?? []) as Field[]) {
        if (typeof field !== 'object' || typeof field?.search !== 'string') continue;
        const [searchKey = '', resultKey = ''] = field.search.split('.');
        targets.set(searchKey, (targets.get(searchKey) ?? new Set()).add(resultKey));
      }
    }
  }
  return targets;
}

/** Every offline-checkable problem in a definition; empty when it is clean. */
export function definitionProblems(definition: object): string[] {
  const app = definition as Definition;
  const problems: string[] = [];
  const targets = searchTargets(app);
  // A search's key fields also appear on the creates and searches that output the same record.
  const exemptFor = (op: Operation): Set<string> => {
    const exempt = new Set<string>();
    const keys = new Set(((op.operation?.outputFields ?? []) as Field[]).map((f) => String(f.key)));
    for (const resultKeys of targets.values())
      for (const resultKey of resultKeys) if (keys.has(resultKey)) exempt.add(resultKey);
    return exempt;
  };
  for (const [kind, group] of [
    ['trigger', app.triggers],
    ['create', app.creates],
    ['search', app.searches],
  ] as const) {
    for (const [key, op] of Object.entries(group ?? {}))
      problems.push(...operationProblems(kind, key, op, exemptFor(op)));
  }
  for (const [key, soc] of Object.entries(app.searchOrCreates ?? {})) {
    if (!isTitleCase(soc.display?.label ?? ''))
      problems.push(`D018 searchOrCreate ${key}: label must be Title Case`);
    if (!soc.search || !app.searches?.[soc.search])
      problems.push(`D015 searchOrCreate ${key}: search ${soc.search} does not exist`);
    if (!soc.create || !app.creates?.[soc.create])
      problems.push(`D015 searchOrCreate ${key}: create ${soc.create} does not exist`);
  }
  problems.push(...referenceProblems(app));
  problems.push(...conceptProblems(app));

  const all = [
    ...Object.values(app.triggers ?? {}),
    ...Object.values(app.creates ?? {}),
    ...Object.values(app.searches ?? {}),
  ];
  if (
    all.length > 0 &&
    all.every((op) => op.operation?.type === 'hook' && !op.operation.performSubscribe)
  ) {
    problems.push('D016 an integration of only a static webhook is not allowed');
  }
  if (app.flags?.cleanInputData !== false) {
    problems.push('D028 flags.cleanInputData must be false so empty inputs reach the code as sent');
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

  const authFields = app.authentication?.fields ?? [];
  for (const field of authFields) {
    if (field.type === 'password' && !/\]\(https:\/\//.test(String(field.helpText ?? ''))) {
      problems.push(
        `D002 authentication ${String(field.key)}: help text must link to where the credential is found`,
      );
    }
  }
  const connectionLabel = app.authentication?.connectionLabel;
  if (typeof connectionLabel === 'string') {
    const secretKeys = authFields
      .filter((field) => field.type === 'password' || SECRET_WORDS.test(String(field.key)))
      .map((field) => String(field.key));
    for (const [, name] of connectionLabel.matchAll(
      /\{\{\s*(?:bundle\.authData\.)?([\w.]+)\s*\}\}/g,
    )) {
      if (secretKeys.includes(name ?? ''))
        problems.push(`D003 connection label shows the secret ${name}`);
    }
    if (connectionLabel.trim() === '' || connectionLabel.length > 80)
      problems.push('D003 connection label must be short and name the account');
  }
  return problems;
}
