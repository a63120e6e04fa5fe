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
    'Files to attach: map a file from an earlier step (for example a Google Drive or Gmail attachment), or enter a public web address starting with `https://`. Re:amaze downloads each file; links to private networks or with a login written into them are refused.',
} as const;

/**
 * The attachment keys of a message body. One file goes as `attachment`, the key both documented
 * message bodies name; several go as the `attachments` list, which Re:amaze's pages do not show
 * (an open-source Go client sends it), so a single file never depends on it.
 */
export function attachmentParams(value: unknown): { attachment?: string; attachments?: string[] } {
  const urls = publicUrls(value, attachmentsField.label);
  if (urls === undefined) return {};
  return urls.length === 1 ? { attachment: urls[0] } : { attachments: urls };
}
