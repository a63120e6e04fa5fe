/**
 * One conversation as `GET /conversations/{slug}` answers it (the official sample's keys, with the
 * `updated_at` and `data` real answers carry): a customer's email, a staff reply, and the
 * customer's follow-up. Every conversation operation's sample is this, flattened. Its custom data
 * is empty: custom fields are the account's own, and a sample key would offer a field most
 * accounts never fill (live items still carry whatever the account stores).
 */
export const API_CONVERSATION_SAMPLE = {
  subject: 'Where is my order #4471?',
  slug: 'where-is-my-order-4471',
  status: 0,
  created_at: '2026-03-09T14:22:05.118-05:00',
  updated_at: '2026-03-10T08:03:47.291-05:00',
  tag_list: ['shipping', 'order status'],
  data: {},
  message: {
    body: '<div>Hi, my order #4471 still hasn&rsquo;t arrived. The tracking page has said &quot;label created&quot; since March 2.</div>',
  },
  last_customer_message: {
    body: '<div>Thank you! It says &quot;out for delivery&quot; now.</div>',
    created_at: '2026-03-10T08:03:47.118-05:00',
  },
  last_staff_message: {
    body: 'Hi Maya, your parcel left our warehouse this morning: **1Z999AA10123456784**.',
    created_at: '2026-03-09T15:02:11.734-05:00',
  },
  author: {
    name: 'Maya Lindqvist',
    email: 'maya.lindqvist@example.com',
    mobile: '+14155550123',
  },
  assignee: { name: 'Jonas Weber', email: 'jonas.weber@acme.example' },
  category: {
    name: 'Support',
    slug: 'support',
    email: 'support@acme.reamaze.io',
    channel: 1,
  },
  followers: [{ name: 'Maya Lindqvist', email: 'maya.lindqvist@example.com' }],
};
