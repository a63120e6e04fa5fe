import { perform as addMessage } from '../../creates/create_message';
import { perform as findTemplate } from '../../searches/find_response_template';
import { perform as listTemplates } from '../../triggers/response_template_list';
import { failure } from '../helpers';
import { requestLines, run, sandboxEachTest, type Item } from './helpers';

const sandbox = sandboxEachTest();

const SLUG = 'where-is-my-order-10482';

describe('Response templates against the sandbox', () => {
  it('the dropdown lists the brand templates the user can use, by name', async () => {
    const choices = await run<Item[]>(listTemplates);
    expect(choices.map((choice) => choice.name)).toEqual([
      'Delivery delayed',
      'Order shipped',
      'Return label',
      'Thanks for your feedback',
      'Warranty claim received',
    ]);
    expect(requestLines(sandbox())).toEqual(['GET /response_templates?page=1']);
  });

  it('Find Response Template, then Add Message with it: the saved text is posted', async () => {
    const [found] = await run<Item[]>(findTemplate, { query: 'delayed' });
    expect(found).toMatchObject({ name: 'Delivery delayed', group_name: 'Shipping' });
    sandbox().clearLog();
    const posted = await run<Item>(addMessage, {
      conversation: SLUG,
      visibility: '0',
      body: 'Hi Dana,',
      response_template: found?.id,
    });
    expect(requestLines(sandbox())).toEqual([
      `GET /response_templates/${found?.id as string}`,
      `POST /conversations/${SLUG}/messages`,
    ]);
    const text = `Hi Dana,\n\n${found?.body as string}`;
    expect(sandbox().requests[1]?.body).toEqual({ message: { body: text, visibility: 0 } });
    expect(posted).toMatchObject({ conversation_id: SLUG });
    expect(sandbox().store.messagesOf(SLUG).at(-1)?.body).toBe(text);
  });

  it("another user's personal template fails before anything is posted", async () => {
    const personal = sandbox().store.responseTemplates.find((t) => t.personalOf !== null);
    const before = sandbox().store.messagesOf(SLUG).length;
    const error = await failure(
      run(addMessage, {
        conversation: SLUG,
        visibility: '0',
        response_template: String(personal?.id),
      }),
    );
    expect(error).toMatchObject({ code: 'NotFound', status: 404 });
    expect(requestLines(sandbox())).toEqual([`GET /response_templates/${personal?.id}`]);
    expect(sandbox().store.messagesOf(SLUG)).toHaveLength(before);
  });
});
