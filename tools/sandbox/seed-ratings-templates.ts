import type { Store } from './store';

/**
 * Satisfaction ratings on the seeded conversations and the brand's response templates (one of
 * them personal to a staff member), added after `seedBrand` has built the conversations.
 */

const MINUTE = 60_000;

export function seedRatingsAndTemplates(store: Store): void {
  const now = store.now();
  const ratings: [string, number, string | null, number][] = [
    ['where-is-my-order-10482', 5, 'Priya found my parcel in a day. Thank you!', 12],
    ['tent-pole-snapped-on-first-trip', 2, 'Still waiting for the replacement pole.', 55],
    ['do-you-ship-to-canada', 4, null, 140],
    ['return-request-rma-2291', 1, 'Nobody answered for a week.', 600],
    ['feedback-on-order-10511', 3, 'Okay, but the box was damaged.', 1_500],
    ['warranty-replacement-for-stove-x2', 5, 'Quick and friendly.', 4_000],
  ];
  for (const [conversation, rating, comment, minutesAgo] of ratings) {
    store.addSatisfactionRating({
      conversation,
      rating,
      comment,
      createdAt: now - minutesAgo * MINUTE,
    });
  }

  const shipping = { id: 71, name: 'Shipping' };
  const returns = { id: 72, name: 'Returns' };
  const templates = [
    {
      name: 'Order shipped',
      body: 'Good news: your order is on its way! You can follow it with the tracking link in your shipping email.',
      group: shipping,
    },
    {
      name: 'Delivery delayed',
      body: "Sorry for the wait. Our carrier reports a delay in your area; we'll keep an eye on your parcel and write again within 2 days.",
      group: shipping,
    },
    {
      name: 'Return label',
      body: 'Here is your prepaid return label. Pack the item in its original box and drop it at any post office within 30 days.',
      group: returns,
    },
    {
      name: 'Warranty claim received',
      body: 'Thanks for the photos. Your warranty claim is approved and a replacement ships within 3 working days.',
      group: returns,
    },
    {
      name: 'Thanks for your feedback',
      body: 'Thank you for taking the time to tell us.',
      group: null,
    },
  ];
  for (const template of templates) store.addResponseTemplate({ ...template, personalOf: null });
  store.addResponseTemplate({
    name: "Priya's sign-off",
    body: 'Happy trails,\nPriya',
    group: null,
    personalOf: 'priya@acme.example',
  });
}
