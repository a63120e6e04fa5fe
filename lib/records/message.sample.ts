/**
 * One message exactly as `GET /api/v1/messages` lists it: the keys of the official sample (with
 * `origin_id`, newest copy, https://www.reamaze.com/api/get_messages) plus `user.mobile` and
 * `user["staff?"]`, which open-source clients built from real responses read. A customer's email
 * (emails arrive as HTML) that started the conversation the
 * Conversation dropdown's sample shows.
 */
export const API_MESSAGE_SAMPLE = {
  body: '<div>Hi, my order #4471 still hasn&rsquo;t arrived. The tracking page has said &quot;label created&quot; since March 2.</div><div><br></div><div>Could you check what is going on? A photo of the confirmation is attached.</div><div><br></div><div>Thanks,<br>Maya</div>',
  visibility: 0,
  origin: 1,
  origin_id: null,
  created_at: '2026-03-09T14:22:05.118-05:00',
  user: {
    name: 'Maya Lindqvist',
    email: 'maya.lindqvist@example.com',
    mobile: null,
    'staff?': false,
  },
  recipients: [{ name: 'Acme Support', email: 'support@acme.reamaze.io' }],
  attachments: [
    {
      file_file_name: 'order-confirmation.png',
      file_content_type: 'image/png',
      file_file_size: 84213,
      thumb_url: 'https://attachments.example.com/acme/4471/order-confirmation_thumb.png',
      url: 'https://attachments.example.com/acme/4471/order-confirmation.png',
      'image?': true,
    },
  ],
  conversation: {
    subject: 'Where is my order #4471?',
    slug: 'where-is-my-order-4471',
    created_at: '2026-03-09T14:22:05.118-05:00',
    category: {
      name: 'Support',
      slug: 'support',
      email: 'support@acme.reamaze.io',
      channel: 1,
    },
  },
};
