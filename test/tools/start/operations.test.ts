import App from '../../../index';
import { operationLines } from '../../../tools/start/operations';

describe('npm start -- --help', () => {
  it('lists every visible operation by its invoke name and label, and no hidden dropdown', () => {
    const lines = operationLines();
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}trigger new_message +New Message$/));
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {2}create create_conversation +Create Conversation$/),
    );
    expect(lines.join('\n')).not.toContain('channel_list');
    const visible = [App.triggers, App.creates, App.searches].flatMap((registry) =>
      Object.values(registry as Record<string, { display: { hidden?: boolean } }>).filter(
        (operation) => !operation.display.hidden,
      ),
    );
    expect(lines).toHaveLength(visible.length);
  });
});
