/**
 * One contact as `GET /contacts` lists it (the documented keys, with the `_id` and `notes` real
 * answers carry): a customer whose CRM ID was stored in Re:amaze, with one note from the team.
 * Custom data stays empty (custom fields are the account's own). The note stays: Find Contact and
 * Update Contact Zaps map it, and the Notes labels say that most new contacts have none.
 */
export const API_CONTACT_SAMPLE = {
  _id: 48211907,
  id: 'crm-10442',
  name: 'Maya Lindqvist',
  // Re:amaze fills it only when the team sets one; "Maya" would repeat First Name.
  friendly_name: null,
  email: 'maya.lindqvist@example.com',
  mobile: '+14155550123',
  twitter: null,
  facebook: null,
  instagram: null,
  data: {},
  notes: [
    {
      id: 7781,
      note: 'Prefers email over phone. Wholesale customer since 2024.',
      created_at: '2026-03-09T14:25:40.512-05:00',
      updated_at: '2026-03-09T14:25:40.512-05:00',
      creator: { email: 'sam.ortiz@acme.example', name: 'Sam Ortiz' },
    },
  ],
  created_at: '2026-03-09T14:22:05.118-05:00',
  updated_at: '2026-03-09T14:25:40.530-05:00',
};
