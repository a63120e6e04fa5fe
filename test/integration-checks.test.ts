import {
  definitionProblems,
  dropdownLabelProblems,
  isTitleCase,
  markdownProblems,
  sameValueProblems,
  typeProblem,
} from './integration-checks';

/**
 * A minimal clean definition with one of everything the checks look at; each case below breaks
 * one rule and expects exactly that problem, so each check is shown able to fail.
 */
const clean = () => ({
  flags: { cleanInputData: false },
  authentication: {
    connectionLabel: '{{login_email}}',
    fields: [
      { key: 'password', type: 'password', helpText: 'See [tokens](https://example.com/tokens).' },
    ],
  },
  triggers: {
    new_thing: {
      key: 'new_thing',
      noun: 'Thing',
      display: { label: 'New Thing', description: 'Triggers when a thing is added.' },
      operation: {
        type: 'polling',
        inputFields: [
          {
            key: 'channel_slug',
            label: 'Channel',
            dynamic: 'thing_list.id.name',
            helpText: 'Only things in this channel.',
          },
        ] as Record<string, unknown>[],
        outputFields: [
          { key: 'id', label: 'ID', required: true },
          { key: 'created_at', label: 'Date Created', type: 'datetime' },
          { key: 'owner__name', label: 'Owner Name' },
          { key: 'done', label: 'Done', type: 'boolean' },
          { key: 'count', label: 'Count', type: 'integer' },
          { key: 'score', label: 'Score', type: 'number' },
          { key: 'tags', label: 'Tags', list: true },
          { key: 'files[]url', label: 'File URLs' },
          { key: 'data', label: 'Custom Data', dict: true },
        ] as Record<string, unknown>[],
        sample: {
          id: 'a',
          created_at: '2026-11-23T10:00:00.000-05:00',
          owner: { name: 'Ann' },
          done: false,
          count: 3,
          score: 4.5,
          tags: ['vip'],
          files: [{ url: 'https://example.com/a.png' }],
          data: {},
        } as Record<string, unknown>,
      },
    },
    thing_list: {
      key: 'thing_list',
      noun: 'Thing',
      display: { label: 'List Things', description: 'Lists things.', hidden: true },
      operation: {
        type: 'polling',
        canPaginate: true,
        outputFields: [
          { key: 'id', label: 'Thing ID' },
          { key: 'name', label: 'Thing Name' },
        ] as Record<string, unknown>[],
        sample: { id: 'x', name: 'Thing X' },
      },
    },
  },
  creates: {
    create_thing: {
      key: 'create_thing',
      noun: 'Thing',
      display: { label: 'Create Thing', description: 'Creates a new thing.' },
      operation: {
        inputFields: [
          { key: 'name', label: 'Name' },
          {
            key: 'thing',
            label: 'Parent Thing',
            dynamic: 'thing_list.id.name',
            search: 'find_thing.id',
            helpText: 'The thing this one belongs to.',
          },
        ] as Record<string, unknown>[],
        outputFields: [{ key: 'id', label: 'Thing ID' }] as Record<string, unknown>[],
        sample: { id: 'a' } as Record<string, unknown>,
      },
    },
  },
  searches: {
    find_thing: {
      key: 'find_thing',
      noun: 'Thing',
      display: { label: 'Find Thing', description: 'Finds a thing by name.' },
      operation: {
        inputFields: [{ key: 'name', label: 'Name' }] as Record<string, unknown>[],
        outputFields: [{ key: 'id', label: 'Thing ID' }] as Record<string, unknown>[],
        sample: { id: 'a' },
      },
    },
  },
  searchOrCreates: {
    find_thing: {
      key: 'find_thing',
      display: { label: 'Find or Create Thing' },
      search: 'find_thing',
      create: 'create_thing',
    },
  },
});

type App = ReturnType<typeof clean>;

function problemsAfter(change: (app: App) => void): string[] {
  const app = clean();
  change(app);
  return definitionProblems(app);
}

const newThing = (app: App) => app.triggers.new_thing.operation;
const parentField = (app: App) => app.creates.create_thing.operation.inputFields[1]!;

describe('offline integration checks', () => {
  it('a clean definition has no problems', () => {
    expect(definitionProblems(clean())).toEqual([]);
  });

  it.each<[string, (app: App) => void, string]>([
    [
      'D001 secrets',
      (app) =>
        app.creates.create_thing.operation.inputFields.push({
          key: 'api_key',
          label: 'API Key',
          helpText: 'x',
        }),
      'D001 create create_thing: input api_key looks like a credential; credentials belong in authentication',
    ],
    [
      'D002 credential link',
      (app) => (app.authentication.fields[0]!.helpText = 'Your token.'),
      'D002 authentication password: help text must link to where the credential is found',
    ],
    [
      'D003 connection label',
      (app) => (app.authentication.connectionLabel = '{{bundle.authData.password}}'),
      'D003 connection label shows the secret password',
    ],
    [
      'D004 typed ids',
      (app) =>
        app.creates.create_thing.operation.inputFields.push({
          key: 'conversation_slug',
          label: 'Conversation',
          helpText: 'x',
        }),
      'D004 create create_thing: conversation_slug must be chosen from a dynamic dropdown, not typed',
    ],
    [
      'D005 dynamic names a missing trigger',
      (app) => (newThing(app).inputFields[0]!.dynamic = 'gone_list.id.name'),
      'D005 trigger new_thing: input channel_slug: dynamic names the missing trigger gone_list',
    ],
    [
      'D006 hook without performList',
      (app) => {
        (newThing(app) as Record<string, unknown>).type = 'hook';
        (newThing(app) as Record<string, unknown>).performSubscribe = () => ({});
      },
      'D006 trigger new_thing: a REST hook trigger needs a performList fallback',
    ],
    [
      'D007 https',
      (app) => (app.creates.create_thing.operation.sample.url = 'http://x.example'),
      'D007 creates.create_thing.operation.sample.url: URL must be HTTPS',
    ],
    [
      'D008 Markdown',
      (app) => (newThing(app).inputFields[0]!.helpText = 'See https://example.com'),
      'D008 bare URL https://example.com must be a Markdown link or in backticks (triggers.new_thing.operation.inputFields[0].helpText)',
    ],
    [
      'D009 search input',
      (app) => (app.searches.find_thing.operation.inputFields = []),
      'D009 search find_thing: a search needs at least one input field',
    ],
    [
      'D010 primary key',
      (app) => delete newThing(app).sample.id,
      'D010 trigger new_thing: sample lacks the primary key id',
    ],
    [
      'D011 help text',
      (app) => (parentField(app).helpText = 'Parent thing.'),
      'D011 create create_thing: help text of thing only repeats its label',
    ],
    [
      'D012 sample',
      (app) => delete (app.creates.create_thing.operation as Record<string, unknown>).sample,
      'D012 create create_thing: a static sample is required',
    ],
    [
      'D013 search names a missing search',
      (app) => (parentField(app).search = 'find_other.id'),
      'D013 create create_thing: input thing: search names the missing search find_other',
    ],
    [
      'D014 search-powered field without a dropdown',
      (app) => delete parentField(app).dynamic,
      'D014 create create_thing: input thing: a search-powered field needs a valid dynamic dropdown too',
    ],
    [
      'D015 searchOrCreate',
      (app) => (app.searchOrCreates.find_thing.create = 'create_other'),
      'D015 searchOrCreate find_thing: create create_other does not exist',
    ],
    [
      'D016 static webhook only',
      (app) => {
        for (const group of [app.triggers, app.creates, app.searches] as Record<
          string,
          { operation: Record<string, unknown> }
        >[])
          for (const op of Object.values(group)) op.operation.type = 'hook';
      },
      'D016 an integration of only a static webhook is not allowed',
    ],
    [
      'D017 static webhook',
      (app) => ((newThing(app) as Record<string, unknown>).type = 'hook'),
      'D017 trigger new_thing: a static webhook is not supported; subscribe or poll',
    ],
    [
      'D018 Title Case',
      (app) => (app.triggers.new_thing.display.label = 'New thing'),
      'D018 trigger new_thing: label "New thing" must be Title Case',
    ],
    [
      'D021 description',
      (app) => (app.triggers.new_thing.display.description = 'Fires on new things.'),
      'D021 trigger new_thing: description must start "Triggers when " and end with a period',
    ],
    [
      'D022 static input fields',
      (app) => (app.creates.create_thing.operation.inputFields = []),
      'D022 create create_thing: an action needs static input fields',
    ],
    [
      'D023 dates',
      (app) => (newThing(app).sample.when = '2026-11-23 10:00:00'),
      'D023 trigger new_thing: sample when "2026-11-23 10:00:00" must be ISO 8601 with a time zone',
    ],
    [
      'D024 output field missing from the sample',
      (app) => newThing(app).outputFields.push({ key: 'missing', label: 'Missing' }),
      'D024 trigger new_thing: sample missing is missing',
    ],
    [
      'D024 datetime',
      (app) => (newThing(app).sample.created_at = ''),
      'D024 trigger new_thing: sample created_at must be an ISO 8601 date-time with a time zone',
    ],
    [
      'D024 required field empty',
      (app) => (newThing(app).sample.id = null),
      'D024 trigger new_thing: sample id is required but empty',
    ],
    [
      'D025 dangerous scheme',
      (app) => (parentField(app).helpText = 'See [x](javascript:alert(1)).'),
      'D025 creates.create_thing.operation.inputFields[1].helpText: dangerous URI scheme',
    ],
    [
      'D028 cleanInputData',
      (app) => (app.flags.cleanInputData = true),
      'D028 flags.cleanInputData must be false so empty inputs reach the code as sent',
    ],
    [
      'search descriptions',
      (app) => (app.searches.find_thing.display.description = 'Looks a thing up.'),
      'S-DESC search find_thing: description must start "Finds" and end with a period',
    ],
    [
      'create descriptions',
      (app) => (app.creates.create_thing.display.description = 'Create a thing.'),
      'S-DESC create create_thing: description must start with a third-person verb ("Creates …") and end with a period',
    ],
    [
      'short descriptions',
      (app) =>
        (app.triggers.new_thing.display.description = `Triggers when a thing is added${', again'.repeat(20)}.`),
      'S-DESC trigger new_thing: description must be short (at most 100 characters)',
    ],
    [
      'output labels',
      (app) => delete newThing(app).outputFields[2]!.label,
      'S-LABEL trigger new_thing: output field owner__name needs a label',
    ],
    [
      'output labels in Title Case',
      (app) => (newThing(app).outputFields[2]!.label = 'owner name'),
      'S-LABEL trigger new_thing: output label "owner name" must be Title Case',
    ],
    [
      'distinct output labels (dropdowns)',
      (app) => (app.triggers.thing_list.operation.outputFields[1]!.label = 'Thing ID'),
      'S-LABEL trigger thing_list: output fields id and name share the label "Thing ID"',
    ],
    [
      'no raw codes',
      (app) =>
        newThing(app).outputFields.push({ key: 'count', label: 'Status Code', type: 'integer' }),
      'S-LABEL trigger new_thing: count is a raw code; output its label instead',
    ],
    [
      'every sample key labelled',
      (app) => (newThing(app).sample.raw = { name: 'Ann' }),
      'S-LABEL trigger new_thing: sample key raw has no labelled output field',
    ],
    [
      'input labels in Title Case',
      (app) => (parentField(app).label = 'Parent thing'),
      'S-LABEL create create_thing: input label "Parent thing" must be Title Case',
    ],
    [
      'help text where the label does not say it all',
      (app) => delete parentField(app).helpText,
      'S-HELP create create_thing: input thing ("Parent Thing") needs help text: its label does not say it all',
    ],
    [
      'no value twice',
      (app) => {
        newThing(app).outputFields.push({ key: 'owner_name', label: 'Owner' });
        newThing(app).sample.owner_name = 'Ann';
      },
      'S-SAME trigger new_thing: output fields owner__name and owner_name carry the same value',
    ],
    [
      'S-LEN an output label over 40 characters',
      (app) =>
        (newThing(app).outputFields[2]!.label = 'Owner Name (As Written in Your Own System)'),
      'S-LEN trigger new_thing: output label "Owner Name (As Written in Your Own System)" has 42 characters, at most 40',
    ],
    [
      'S-CUSTOM custom data keys in a sample',
      (app) => (newThing(app).sample.data = { plan: 'Pro' }),
      'S-CUSTOM trigger new_thing: sample data shows custom data keys (plan): they exist only on some accounts; keep it empty',
    ],
    [
      'S-CONCEPT one output key, two labels across operations',
      (app) => {
        app.creates.create_thing.operation.outputFields.push({
          key: 'owner__name',
          label: 'Owner',
        });
        app.creates.create_thing.operation.sample.owner = { name: 'Ann' };
      },
      'S-CONCEPT create create_thing: output owner__name: "Owner" names what trigger new_thing: output owner__name calls "Owner Name"; use one label',
    ],
    [
      'S-CONCEPT an action’s ID input named unlike the output',
      (app) => {
        newThing(app).outputFields.push({ key: 'external_id', label: "Your System's ID" });
        newThing(app).sample.external_id = 'crm-1';
        app.creates.create_thing.operation.inputFields.push({
          key: 'external_id',
          label: 'External ID (Your System)',
          helpText: 'Your own ID.',
        });
      },
      'S-CONCEPT create create_thing: input external_id: "External ID (Your System)" names what trigger new_thing: output external_id calls "Your System\'s ID"; use one label',
    ],
    [
      'output field caps (a message has at most 22)',
      (app) => {
        app.triggers.new_thing.noun = 'Message';
        for (let n = 0; n < 14; n += 1) {
          newThing(app).outputFields.push({ key: `extra_${n}`, label: `Extra ${n}` });
          newThing(app).sample[`extra_${n}`] = '';
        }
      },
      'S-CAP trigger new_thing: 23 output fields, at most 22',
    ],
    [
      'output field caps (a conversation has at most 27)',
      (app) => {
        app.triggers.new_thing.noun = 'Conversation';
        for (let n = 0; n < 19; n += 1) {
          newThing(app).outputFields.push({ key: `extra_${n}`, label: `Extra ${n}` });
          newThing(app).sample[`extra_${n}`] = '';
        }
      },
      'S-CAP trigger new_thing: 28 output fields, at most 27',
    ],
    [
      'dropdown triggers page',
      (app) => delete (app.triggers.thing_list.operation as { canPaginate?: boolean }).canPaginate,
      'S-DROPDOWN trigger new_thing: input channel_slug: trigger thing_list must page (canPaginate)',
    ],
    [
      'snake_case keys',
      (app) => {
        (app as Record<string, unknown>).triggers = {
          ...app.triggers,
          NewThing: { ...app.triggers.new_thing, key: 'NewThing' },
        };
      },
      'trigger NewThing: key must be snake_case',
    ],
  ])('%s', (_name, change, expected) => {
    expect(problemsAfter(change)).toContain(expected);
  });

  it('a caps check counts exactly: 22 fields on a message pass', () => {
    const problems = problemsAfter((app) => {
      app.triggers.new_thing.noun = 'Message';
      for (let n = 0; n < 13; n += 1) {
        newThing(app).outputFields.push({ key: `extra_${n}`, label: `Extra ${n}` });
        newThing(app).sample[`extra_${n}`] = '';
      }
    });
    expect(problems).toEqual([]);
  });

  it('D024: a sample shows a value of each field’s type, never null', () => {
    for (const type of ['datetime', 'boolean', 'integer', 'number', 'string']) {
      expect(typeProblem({ key: 'x', type }, null)).toBe('is null: show a value of its type');
      expect(typeProblem({ key: 'x', type, required: true }, null)).toBe('is required but empty');
    }
    expect(typeProblem({ key: 'x', type: 'datetime' }, '2026-11-23T10:00:00')).toBe(
      'must be an ISO 8601 date-time with a time zone',
    );
    expect(typeProblem({ key: 'x', type: 'datetime' }, '2026-11-23T15:00:00Z')).toBeUndefined();
    expect(typeProblem({ key: 'x' }, '')).toBeUndefined();
    expect(typeProblem({ key: 'x', required: true }, ' ')).toBe('is required but empty');
  });

  it('no value twice: empty and scalar values are trivial; the search connector’s key is exempt', () => {
    const fields = [
      { key: 'a', label: 'A' },
      { key: 'b', label: 'B' },
      { key: 'c', label: 'C', type: 'boolean' },
      { key: 'd', label: 'D', type: 'boolean' },
      { key: 'e', label: 'E', list: true },
      { key: 'f', label: 'F', list: true },
    ];
    expect(
      sameValueProblems('x', fields, { a: '', b: ' ', c: true, d: true, e: [], f: [] }),
    ).toEqual([]);
    expect(sameValueProblems('x', fields, { a: 'Ann', b: ' Ann ', e: ['v'], f: ['v'] })).toEqual([
      'S-SAME x: output fields a and b carry the same value',
      'S-SAME x: output fields e and f carry the same value',
    ]);
    expect(sameValueProblems('x', fields, { a: 'Ann', b: 'Ann' }, new Set(['b']))).toEqual([]);
  });

  it('S-CONCEPT: record keys (name, dates…) may differ between nouns, not within one; hidden dropdowns and `id` are left out', () => {
    expect(
      problemsAfter((app) => {
        app.creates.create_thing.noun = 'Other';
        app.creates.create_thing.operation.outputFields.push({
          key: 'created_at',
          label: 'Date Made',
          type: 'datetime',
        });
        app.creates.create_thing.operation.sample.created_at = '2026-11-23T10:00:00.000-05:00';
        app.triggers.thing_list.operation.outputFields.push({ key: 'owner__name', label: 'Whose' });
        (app.triggers.thing_list.operation.sample as Record<string, unknown>).owner = {
          name: 'Ann',
        };
      }),
    ).toEqual([]);
    expect(
      problemsAfter((app) => {
        app.creates.create_thing.operation.outputFields.push({
          key: 'created_at',
          label: 'Date Made',
          type: 'datetime',
        });
        app.creates.create_thing.operation.sample.created_at = '2026-11-23T10:00:00.000-05:00';
      }),
    ).toEqual([
      'S-CONCEPT create create_thing: output created_at: "Date Made" names what trigger new_thing: output created_at calls "Date Created"; use one label',
    ]);
  });

  it('S-DROPDOWN: choices sharing a label are named, with their IDs; distinct labels pass', () => {
    const refunds = [
      { id: 'refund-request', name: 'Refund request' },
      { id: 'refund-request-2', name: 'Refund request' },
      { id: 'other', name: 'Other' },
    ];
    expect(dropdownLabelProblems('conversation_list', refunds, 'name')).toEqual([
      'S-DROPDOWN conversation_list: 2 choices read "Refund request" (refund-request, refund-request-2); add what tells them apart',
    ]);
    expect(dropdownLabelProblems('conversation_list', refunds.slice(1), 'name')).toEqual([]);
  });

  it('Title Case allows small words and numbers', () => {
    expect(isTitleCase('Add Message to Conversation')).toBe(true);
    expect(isTitleCase('Find or Create Contact')).toBe(true);
    expect(isTitleCase('Sent via (Email, Chat, …)')).toBe(true);
    expect(isTitleCase('Add message')).toBe(false);
    expect(isTitleCase('Created At')).toBe(false);
  });

  it('Markdown: links must be well formed and URLs not bare', () => {
    expect(markdownProblems('See [the docs](https://example.com/a).')).toEqual([]);
    expect(markdownProblems('Copy `https://acme.reamaze.io` from the bar.')).toEqual([]);
    expect(markdownProblems('See https://example.com')).toEqual([
      'D008 bare URL https://example.com must be a Markdown link or in backticks',
    ]);
    expect(markdownProblems('See [docs](example.com)')).toEqual([
      'D008 link target "example.com" is not an https URL',
    ]);
    expect(markdownProblems('See [docs] (https://example.com)')).toContain(
      'D008 malformed Markdown link',
    );
  });
});
