import { definitionProblems, isTitleCase, markdownProblems } from './integration-checks';

/** A minimal clean definition; each test breaks one rule and expects exactly that problem. */
const clean = () => ({
  authentication: {
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
        inputFields: [{ key: 'channel_slug', label: 'Channel', dynamic: 'channel_list.id.name' }],
        outputFields: [
          { key: 'id', label: 'ID' },
          { key: 'owner__name', label: 'Owner Name' },
        ],
        sample: { id: 'a', created_at: '2026-11-23T10:00:00.000-05:00', owner: { name: 'Ann' } },
      },
    },
  },
  creates: {
    create_thing: {
      key: 'create_thing',
      noun: 'Thing',
      display: { label: 'Create Thing', description: 'Creates a new thing.' },
      operation: {
        inputFields: [{ key: 'name', label: 'Name', helpText: 'Shown to customers.' }],
        sample: { id: 'a' },
      },
    },
  },
});

type Mutable = ReturnType<typeof clean> & Record<string, unknown>;

function problemsAfter(change: (app: Mutable) => void): string[] {
  const app = clean() as Mutable;
  change(app);
  return definitionProblems(app);
}

describe('offline integration checks', () => {
  it('a clean definition has no problems', () => {
    expect(definitionProblems(clean())).toEqual([]);
  });

  it.each<[string, (app: Mutable) => void, string]>([
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
      'create verb',
      (app) => (app.creates.create_thing.display.description = 'Create a thing.'),
      'create create_thing: description must start with a third-person verb ("Creates …") and end with a period',
    ],
    [
      'D010 primary key',
      (app) => delete (app.triggers.new_thing.operation.sample as Record<string, unknown>).id,
      'D010 trigger new_thing: sample lacks the primary key id',
    ],
    [
      'D024 output field in sample',
      (app) =>
        app.triggers.new_thing.operation.outputFields.push({ key: 'missing', label: 'Missing' }),
      'D024 trigger new_thing: output field missing is not in the sample',
    ],
    [
      'output labels',
      (app) =>
        app.triggers.new_thing.operation.outputFields.push({ key: 'id' } as {
          key: string;
          label: string;
        }),
      'trigger new_thing: output field id needs a label',
    ],
    [
      'D023 dates',
      (app) =>
        ((app.triggers.new_thing.operation.sample as Record<string, unknown>).created_at =
          '2026-11-23 10:00:00'),
      'D023 trigger new_thing: sample created_at "2026-11-23 10:00:00" must be ISO 8601 with a time zone',
    ],
    [
      'D011 help text',
      (app) => (app.creates.create_thing.operation.inputFields[0]!.helpText = 'Name.'),
      'D011 create create_thing: help text of name only repeats its label',
    ],
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
      'D007 https',
      (app) =>
        (app.creates.create_thing.operation.sample = { id: 'a', url: 'http://x.example' } as {
          id: string;
        }),
      'D007 creates.create_thing.operation.sample.url: URL must be HTTPS',
    ],
    [
      'D002 credential link',
      (app) => (app.authentication.fields[0]!.helpText = 'Your token.'),
      'D002 authentication password: help text must link to where the credential is found',
    ],
    [
      'snake_case keys',
      (app) => {
        app.triggers = {
          NewThing: { ...app.triggers.new_thing, key: 'NewThing' },
        } as unknown as Mutable['triggers'];
      },
      'trigger NewThing: key must be snake_case',
    ],
  ])('%s', (_name, change, expected) => {
    expect(problemsAfter(change)).toContain(expected);
  });

  it('Title Case allows small words and numbers', () => {
    expect(isTitleCase('Add Message to Conversation')).toBe(true);
    expect(isTitleCase('Find or Create Contact')).toBe(true);
    expect(isTitleCase('Add message')).toBe(false);
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
