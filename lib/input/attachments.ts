import { publicUrls } from './public-url';

/**
 * The Attachments input of Create Conversation and Add Message: files from earlier steps (Zapier
 * hands each over as a URL) or typed links, which Re:amaze downloads and attaches to the message.
 */
export const attachmentsField = {
  key: 'attachments',
  label: 'Attachments',
  type: 'file',
  list: true,
  required: false,
  helpText:
    'Files to attach: map a file from an earlier step (for example a Google Drive or Gmail attachment), or enter a public web address starting with `https://`. Re:amaze downloads each file; links to private networks or with a login written into them are refused. The first file is always attached (Re:amaze documents one file per message); further files are sent as a list Re:amaze does not document, so check them in the inbox the first time.',
} as const;

/**
 * The attachment keys of a message body: the first file as `attachment`, the key both documented
 * message bodies name (https://www.reamaze.com/api/post_messages, …/post_conversations), and every
 * file as `attachments`, a list only an open-source Go client sends. So the first file never
 * depends on the undocumented key, and the others reach Re:amaze wherever it reads the list.
 */
export function attachmentParams(value: unknown): { attachment?: string; attachments?: string[] } {
  const urls = publicUrls(value, attachmentsField.label);
  if (urls === undefined || urls.length === 0) return {};
  return { attachment: urls[0], attachments: urls };
}
