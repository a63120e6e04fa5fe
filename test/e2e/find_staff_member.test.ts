import { perform as updateConversation } from '../../creates/update_conversation';
import { perform as findStaffMember } from '../../searches/find_staff_member';
import { requestLines, run, sandboxEachTest, type Item } from './helpers';

const sandbox = sandboxEachTest();

describe('Find Staff Member against the sandbox', () => {
  it('by name, then the email found assigns a conversation', async () => {
    const [found] = await run<Item[]>(findStaffMember, { name: 'priya' });
    expect(found).toEqual({
      id: 'priya@acme.example',
      name: 'Priya Shah',
      display_name: 'Priya',
      role: expect.any(String),
      is_admin: false,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(requestLines(sandbox())).toEqual(['GET /staff?page=1']);
    const updated = await run(updateConversation, {
      conversation: 'where-is-my-order-10482',
      assignee: found?.id,
    });
    expect(updated).toMatchObject({ assignee_email: 'priya@acme.example' });
  });

  it('by email in another letter case; nobody is no result', async () => {
    expect(
      (await run<Item[]>(findStaffMember, { email: 'PRIYA@acme.example' })).map((i) => i.id),
    ).toEqual(['priya@acme.example']);
    expect(await run<Item[]>(findStaffMember, { email: 'nobody@acme.example' })).toEqual([]);
  });
});
