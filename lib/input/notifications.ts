/**
 * The Suppress Notifications input of Create Conversation and Add Message. The key differs by
 * endpoint (`suppress_notification` on POST /conversations, `suppress_notifications` on POST
 * …/messages, as each page spells it); the field is the same.
 */
export const suppressNotificationsField = {
  key: 'suppress_notifications',
  label: 'Suppress Notifications',
  type: 'boolean',
  required: false,
  helpText:
    'On: Re:amaze sends no email, push or integration notifications about this message (the customer still sees a reply in the conversation). Off or empty: notifications go out as usual.',
} as const;
