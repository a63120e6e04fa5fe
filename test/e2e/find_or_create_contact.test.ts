import App from '../../index';
import { requestLines, run, sandboxEachTest, type Item } from './helpers';

/**
 * "Keep a contact in sync" as one Find or Create Contact step, run the way Zapier runs a
 * search-or-create with `update`: the search; if it found one, the update action with the inputs
 * `updateInputFromSearchOutput` maps from the first result; otherwise the create action.
 */

type Registry = Record<string, { operation: { perform: unknown } }>;
const app = App as unknown as { searches: Registry; creates: Registry };
const step = App.searchOrCreates?.find_contact as {
  search: string;
  create: string;
  update: string;
  updateInputFromSearchOutput: Record<string, string>;
};

async function findOrCreateOrUpdate(
  search: Item,
  write: Item,
): Promise<{ ran: string; item: Item }> {
  const found = await run<Item[]>(app.searches[step.search]!.operation.perform, search);
  const first = found[0];
  if (first === undefined) {
    return {
      ran: step.create,
      item: await run(app.creates[step.create]!.operation.perform, { ...search, ...write }),
    };
  }
  const mapped = Object.fromEntries(
    Object.entries(step.updateInputFromSearchOutput).map(([input, output]) => [
      input,
      first[output],
    ]),
  );
  return {
    ran: step.update,
    item: await run(app.creates[step.update]!.operation.perform, { ...write, ...mapped }),
  };
}

const sandbox = sandboxEachTest();

describe('Find or Create Contact, updating what it found, against the sandbox', () => {
  it('creates the contact the first time, then updates that same contact', async () => {
    const search = { email: 'sync.me@example.com' };
    const first = await findOrCreateOrUpdate(search, { name: 'Sync Me', data: { plan: 'Trial' } });
    expect(first.ran).toBe('create_contact');
    expect(first.item).toMatchObject({ email: 'sync.me@example.com', data: { plan: 'Trial' } });

    sandbox().clearLog();
    const second = await findOrCreateOrUpdate(search, {
      name: 'Sync Me Again',
      data: { plan: 'Pro' },
    });
    expect(second.ran).toBe('update_contact');
    expect(second.item).toMatchObject({
      id: first.item.id,
      name: 'Sync Me Again',
      email: 'sync.me@example.com',
      data: { plan: 'Pro' },
    });
    expect(requestLines(sandbox())).toEqual([
      'GET /contacts?q=sync.me%40example.com&type=email&page=1',
      'PUT /contacts/sync.me%40example.com',
    ]);
  });

  it('updates a contact found by mobile number through its identifier', async () => {
    const result = await findOrCreateOrUpdate(
      { mobile: '+14155550134' },
      { friendly_name: 'Texter' },
    );
    expect(result.ran).toBe('update_contact');
    expect(result.item).toMatchObject({ mobile: '+14155550134', friendly_name: 'Texter' });
    expect(requestLines(sandbox()).at(-1)).toBe(
      'PUT /contacts/%2B14155550134?identifier_type=mobile',
    );
  });
});
