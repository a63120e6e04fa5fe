import App from '../../../index';
import { dropdownLabelProblems } from '../../integration-checks';
import type { Sandbox } from '../../../tools/sandbox/server';
import { performOf, run, startE2eSandbox, stopE2eSandbox } from '../../e2e/helpers';

/**
 * S-DROPDOWN, run for real: every dropdown an input names (`dynamic`), whatever operations exist,
 * runs against the sandbox after records sharing a title were added (a second "Where is my order
 * #10482?" from another customer, a second contact, staff member and template of the same name),
 * and its choices must all read differently.
 */

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startE2eSandbox();
  const store = sandbox.store;
  const now = store.now();
  const twin = store.addContact({ name: 'Dana Whitfield', email: 'dana.w@example.org' });
  const original = [...store.conversations.values()].find(
    (conversation) => conversation.subject === 'Where is my order #10482?',
  );
  if (!original) throw new Error('the seed lost its order conversation');
  for (const [author, minutesAgo] of [
    [twin.internalId, 5],
    [original.authorId, 3],
  ] as const) {
    store.addConversation({
      subject: original.subject,
      channel: original.channelSlug,
      author,
      message: { body: 'Still nothing?', createdAt: now - minutesAgo * 60_000 },
    });
  }
  store.addStaff({ name: 'Priya Shah', email: 'priya.shah@acme-outsourcing.example' });
  const template = store.responseTemplates[0];
  if (template) store.addResponseTemplate({ ...template, group: { id: 99, name: 'Archive' } });
});

afterAll(async () => {
  await stopE2eSandbox(sandbox);
});

/** `trigger.id.label` of every dynamic input of every operation. */
function dropdowns(): Map<string, string> {
  const found = new Map<string, string>();
  for (const group of [App.triggers, App.creates, App.searches]) {
    for (const op of Object.values(group ?? {}) as { operation: { inputFields?: unknown[] } }[]) {
      for (const field of op.operation.inputFields ?? []) {
        const dynamic = (field as { dynamic?: unknown }).dynamic;
        if (typeof dynamic !== 'string') continue;
        const [trigger = '', , label = 'name'] = dynamic.split('.');
        found.set(trigger, label);
      }
    }
  }
  return found;
}

describe('dropdown labels (S-DROPDOWN)', () => {
  it('finds the dropdowns the operations use', () => {
    expect([...dropdowns().keys()]).toEqual(expect.arrayContaining(['conversation_list']));
  });

  it.each([...dropdowns()])('%s: records sharing a title read differently', async (key, label) => {
    const choices = await run<Record<string, unknown>[]>(
      performOf('triggers', key),
      {},
      { page: 0, isFillingDynamicDropdown: true },
    );
    expect(choices.length).toBeGreaterThan(0);
    expect(dropdownLabelProblems(key, choices, label)).toEqual([]);
  });
});
