import type { Store } from './store';

/** The brand's help center (topics, articles) and status page (systems, incidents). */

const MINUTE = 60_000;
const PRIYA = 'priya@acme.example';
const MARCO = 'marco@acme.example';

export function seedHelpCenterAndStatusPage(store: Store): void {
  const now = store.now();
  const ago = (minutes: number): number => now - minutes * MINUTE;
  const help = store.helpCenter;
  for (const [slug, name] of [
    ['shipping', 'Shipping'],
    ['returns', 'Returns'],
    ['warranty', 'Warranty'],
  ] as const) {
    help.addTopic({ slug, name });
  }
  const articles: [string, string, number, string | null, string, number][] = [
    [
      'How long does shipping take?',
      '<p>Orders ship within <strong>2 working days</strong>; delivery takes 3–5 more.</p>',
      0,
      'shipping',
      PRIYA,
      9_000,
    ],
    [
      'Do you ship to Canada?',
      'Yes: we ship to Canada and the US. Duties are included at checkout.',
      0,
      'shipping',
      MARCO,
      4_000,
    ],
    [
      'How do I return an item?',
      '<p>Start a return from your orders page within 30 days. We email a prepaid label.</p>',
      0,
      'returns',
      PRIYA,
      700,
    ],
    [
      'Warranty claims (draft)',
      'Send photos of the damage and your order number.',
      1,
      'warranty',
      MARCO,
      90,
    ],
    ['Refund timing for the team', 'Refunds clear in 5–10 days.', 4, 'returns', PRIYA, 30],
  ];
  for (const [title, body, status, topicSlug, authorEmail, minutesAgo] of articles) {
    help.addArticle({ title, body, status, topicSlug, authorEmail, createdAt: ago(minutesAgo) });
  }

  const page = store.statusPage;
  const [website, checkout] = ['Website', 'Checkout', 'Email Support', 'Live Chat'].map((title) =>
    page.addSystem({ title, createdAt: ago(60 * 24 * 90) }),
  );
  const outage = page.addIncident(
    'Order emails delayed',
    {
      updates: [{ status: 'investigating', message: 'Order confirmation emails are late.' }],
      systems: [{ systemId: website?.id ?? '', status: 'degraded_performance' }],
    },
    ago(3_000),
  );
  page.updateIncident(
    outage.id,
    { updates: [{ status: 'identified', message: 'Our email provider has a backlog.' }] },
    ago(2_960),
  );
  page.updateIncident(
    outage.id,
    {
      updates: [{ status: 'resolved', message: 'All delayed emails have been sent.' }],
      systems: [{ id: outage.systems[0]?.id, systemId: website?.id ?? '', status: 'operational' }],
    },
    ago(2_900),
  );
  page.addIncident(
    'Checkout payments failing',
    {
      updates: [{ status: 'investigating', message: 'Some card payments fail at checkout.' }],
      systems: [{ systemId: checkout?.id ?? '', status: 'major_outage' }],
    },
    ago(40),
  );
}
