import { seedRatingsAndTemplates } from './seed-ratings-templates';
import { seedHelpCenterAndStatusPage } from './seed-help-center-status';
import type { Attachment, Contact, Recipient, Store } from './store';

/**
 * A realistic brand, "Acme Outdoor": nine channels, four staff users, eighteen conversations and
 * 42 messages of every origin and visibility, plain-text and HTML bodies, attachments, tags, custom
 * data and every status group. Times are relative to the clock at seeding, so the newest messages
 * are minutes old whenever the sandbox starts.
 */

/** The seeded admin whose login the sandbox accepts by default (and the tests connect as). */
export const SEED_LOGIN_EMAIL = 'agent@acme.example';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** One message of a seeded conversation; `from` is `customer` or a staff email. */
interface MessageSpec {
  minutesAgo: number;
  from: 'customer' | string;
  body: string;
  html?: string;
  origin: number;
  visibility?: number;
  attachments?: Attachment[];
  recipients?: Recipient[];
  originId?: string;
}

interface ConversationSpec {
  subject: string;
  channel: string;
  customer: Contact;
  status: number;
  tags?: string[];
  data?: Record<string, string>;
  assignee?: string;
  followers?: string[];
  holdForDays?: number;
  /** When staff last changed it without writing (resolved, put on hold): moves `updated_at`. */
  changedMinutesAgo?: number;
  /** Listed without `last_staff_message` and `data`, as the documented list sample is. */
  listedBare?: boolean;
  messages: [MessageSpec, ...MessageSpec[]];
}

/** Attachments with stable addresses, numbered in the order the seed creates them. */
function fileMaker(): (name: string, contentType: string, size: number) => Attachment {
  let counter = 0;
  return (name, contentType, size) => {
    counter += 1;
    const url = `https://files.acme-sandbox.example/attachments/${9_410_000 + counter}/${encodeURIComponent(name)}`;
    const image = contentType.startsWith('image/');
    return {
      fileName: name,
      contentType,
      size,
      url,
      thumbUrl: image ? url.replace(/(\.\w+)$/, '_thumb$1') : null,
      image,
    };
  };
}

const PRIYA = 'priya@acme.example';
const MARCO = 'marco@acme.example';
const JO = 'jo@acme.example';
const ALEX = SEED_LOGIN_EMAIL;

export function seedBrand(store: Store): void {
  const now = store.now();
  const ago = (minutes: number): number => now - minutes * MINUTE;
  const file = fileMaker();

  const channels: [string, string, string | null, number][] = [
    ['support', 'Support', 'support@acme.example', 1],
    ['sales', 'Sales', 'sales@acme.example', 1],
    ['chat', 'Website Chat', null, 6],
    ['sms', 'SMS', null, 9],
    ['facebook', 'Facebook', null, 3],
    ['instagram', 'Instagram', null, 16],
    ['twitter', 'Twitter / X', null, 2],
    ['whatsapp', 'WhatsApp', null, 15],
    ['phone', 'Phone', null, 10],
  ];
  channels.forEach(([slug, name, email, channelType], i) =>
    store.addChannel({ slug, name, email, channelType, createdAt: now - (400 - i) * DAY }),
  );

  store.addStaff({ name: 'Alex Morgan', email: ALEX, admin: true, createdAt: now - 400 * DAY });
  store.addStaff({ name: 'Priya Shah', email: PRIYA, createdAt: now - 300 * DAY });
  store.addStaff({ name: 'Marco Rossi', email: MARCO, createdAt: now - 200 * DAY });
  store.addStaff({ name: 'Jo Kim', email: JO, createdAt: now - 30 * DAY });

  const customer = (input: Parameters<Store['addContact']>[0]): Contact =>
    store.addContact({ createdAt: now - 90 * DAY, ...input });
  const dana = customer({
    name: 'Dana Whitfield',
    email: 'dana.whitfield@example.com',
    data: { plan: 'Pro', order_count: '7' },
  });
  const luis = customer({ name: 'Luis Ortega', email: 'luis.ortega@example.net' });
  const mei = customer({ name: 'Mei Chen', email: 'mei.chen@example.org' });
  const hannah = customer({ name: 'Hannah Lee', email: 'hannah.lee@example.com' });
  const texter = customer({ name: '+1 415-555-0134', mobile: '+14155550134' });
  const kate = customer({ name: 'Kate Brennan', instagram: 'trailrunner_kate' });
  const leo = customer({ name: 'Leo Martins', instagram: 'leo.climbs' });
  const tom = customer({ name: 'Tom Becker', facebook: '100004567890123' });
  const sam = customer({ name: 'Sam Okafor', twitter: 'gearhead_sam' });
  const jonas = customer({ name: 'Jonas Weber', mobile: '+4915112345678' });
  const caller = customer({ name: '+1 206-555-0199', mobile: '+12065550199' });
  const amelie = customer({
    name: 'Amélie Dubois',
    email: 'amelie.dubois@example.fr',
    externalId: 'cust_88213',
  });
  const rita = customer({ name: 'Rita Gómez', email: 'rita@bigwall.example' });
  const ben = customer({ name: 'Ben Carter', email: 'ben.carter@example.com' });
  const spammer = customer({ name: 'Crypto Deals', email: 'promo@spam.example' });
  const noah = customer({ name: 'Noah Fischer', email: 'noah.f@example.com' });
  const olivia = customer({ name: 'Olivia Park', email: 'olivia.park@example.com' });
  const to = (contact: Contact): Recipient[] =>
    contact.email ? [{ name: contact.name, email: contact.email }] : [];

  const conversations: ConversationSpec[] = [
    {
      subject: 'Where is my order #10482?',
      channel: 'support',
      customer: dana,
      status: 1,
      tags: ['shipping', 'order'],
      data: { order_id: '10482' },
      assignee: PRIYA,
      followers: [MARCO],
      messages: [
        {
          minutesAgo: 2900,
          from: 'customer',
          origin: 1,
          body: 'Hi,\n\nI ordered the Summit 2 tent on the 3rd and the tracking page still says "label created". Can you check?\n\nThanks,\nDana',
          html: '<div dir="ltr"><div>Hi,</div><div><br></div><div>I ordered the <b>Summit 2</b> tent on the 3rd and the tracking page still says &quot;label created&quot;. Can you check?</div><div><br></div><div>Thanks,<br>Dana</div></div>',
        },
        {
          minutesAgo: 2880,
          from: MARCO,
          origin: 1,
          visibility: 1,
          body: 'Carrier shows it stuck in Reno since Tuesday. Priya, can you open a trace?',
        },
        {
          minutesAgo: 2860,
          from: PRIYA,
          origin: 1,
          recipients: to(dana),
          body: '<p>Hi Dana,</p><p>Sorry about the wait! I&#39;ve opened a trace with the carrier&nbsp;&mdash; you&#39;ll hear from us within 24&nbsp;hours.</p><p>Priya<br>Acme Outdoor Support</p>',
          html: '<p>Hi Dana,</p><p>Sorry about the wait! I&#39;ve opened a trace with the carrier&nbsp;&mdash; you&#39;ll hear from us within 24&nbsp;hours.</p><p>Priya<br>Acme Outdoor Support</p>',
        },
        {
          minutesAgo: 45,
          from: 'customer',
          origin: 1,
          body: 'It arrived today, but the box is badly damaged (photo attached). The tent itself looks fine.',
          html: '<div>It arrived today, but the box is <i>badly</i> damaged (photo attached). The tent itself looks fine.</div>',
          attachments: [file('box-damage.jpg', 'image/jpeg', 284_113)],
        },
      ],
    },
    {
      subject: 'Tent pole snapped on first trip',
      channel: 'support',
      customer: luis,
      status: 0,
      tags: ['warranty', 'returns'],
      assignee: ALEX,
      messages: [
        {
          minutesAgo: 1500,
          from: 'customer',
          origin: 17,
          body: 'Name: Luis Ortega\nOrder: 10391\nMessage: One of the Summit 2 poles snapped while pitching the tent. Is this covered by the warranty?',
          attachments: [
            file('pole-1.jpg', 'image/jpeg', 1_204_331),
            file('pole-2.jpg', 'image/jpeg', 998_020),
          ],
        },
        {
          minutesAgo: 1490,
          from: ALEX,
          origin: 1,
          recipients: to(luis),
          body: 'Hi Luis, yes: poles are covered for 2 years. I have sent a replacement pole set, and you will get the tracking number by email.',
        },
        {
          minutesAgo: 1489,
          from: JO,
          origin: 1,
          visibility: 2,
          body: 'Hi Luis, thanks for reaching out! Let me check the warranty for you.',
        },
        {
          minutesAgo: 30,
          from: 'customer',
          origin: 1,
          body: 'Got the tracking number, thank you so much!',
          html: '<p>Got the tracking number, thank you so much!</p><blockquote>Hi Luis, yes: poles are covered for 2 years.</blockquote>',
        },
      ],
    },
    {
      subject: 'Do you ship to Canada?',
      listedBare: true,
      channel: 'chat',
      customer: mei,
      status: 2,
      assignee: JO,
      changedMinutesAgo: 12,
      messages: [
        { minutesAgo: 600, from: 'customer', origin: 0, body: 'hi! do you ship to canada? 🇨🇦' },
        {
          minutesAgo: 599,
          from: JO,
          origin: 0,
          body: 'We do! Standard shipping to Canada takes 5–8 business days.',
        },
        { minutesAgo: 597, from: 'customer', origin: 0, body: 'great, thanks 🙂' },
      ],
    },
    {
      subject: 'Sizing question for the Ridge jacket',
      channel: 'chat',
      customer: hannah,
      status: 2,
      messages: [
        {
          minutesAgo: 7200,
          from: 'customer',
          origin: 6,
          body: "Is the Ridge jacket true to size? I'm usually a medium.",
        },
        {
          minutesAgo: 7195,
          from: MARCO,
          origin: 6,
          body: 'It runs slightly small, so most people size up. Here is the chart: https://acme.example/size-chart',
        },
      ],
    },
    {
      subject: 'SMS with +1 415-555-0134',
      channel: 'sms',
      customer: texter,
      status: 0,
      messages: [
        {
          minutesAgo: 240,
          from: 'customer',
          origin: 9,
          body: 'Hey is the Boulder store open on Sunday?',
        },
        { minutesAgo: 200, from: ALEX, origin: 9, body: 'Yes, 10am–5pm on Sundays.' },
        { minutesAgo: 25, from: 'customer', origin: 9, body: 'perfect, see you then' },
      ],
    },
    {
      subject: 'Instagram conversation with trailrunner_kate',
      channel: 'instagram',
      customer: kate,
      status: 1,
      tags: ['social'],
      assignee: PRIYA,
      messages: [
        {
          minutesAgo: 360,
          from: 'customer',
          origin: 19,
          body: 'Love the new trail shoes!! When do the blue ones restock?',
        },
        {
          minutesAgo: 330,
          from: PRIYA,
          origin: 19,
          body: 'Thanks Kate! Blue restocks next Friday 💙',
        },
      ],
    },
    {
      subject: 'Comment on "New season, new trails"',
      channel: 'instagram',
      customer: leo,
      status: 2,
      tags: ['social'],
      messages: [
        { minutesAgo: 3000, from: 'customer', origin: 8, body: 'Does this come in XL?' },
        { minutesAgo: 2990, from: JO, origin: 8, body: '@leo.climbs yes, XL is on our site now!' },
      ],
    },
    {
      subject: 'Facebook message from Tom Becker',
      channel: 'facebook',
      customer: tom,
      status: 2,
      tags: ['billing'],
      messages: [
        {
          minutesAgo: 4300,
          from: 'customer',
          origin: 3,
          body: 'Hi, I was charged twice for order 10377.',
        },
        {
          minutesAgo: 4200,
          from: ALEX,
          origin: 3,
          body: 'Sorry about that, Tom! I have refunded the duplicate charge; it will show in 3–5 days.',
        },
        {
          minutesAgo: 4190,
          from: ALEX,
          origin: 3,
          visibility: 1,
          body: 'Refund issued in the payments dashboard; bank delay explained.',
        },
      ],
    },
    {
      subject: 'Tweet from @gearhead_sam',
      channel: 'twitter',
      customer: sam,
      status: 2,
      messages: [
        {
          minutesAgo: 5000,
          from: 'customer',
          origin: 2,
          body: '@AcmeOutdoor your stove manual link is broken',
        },
        {
          minutesAgo: 4980,
          from: MARCO,
          origin: 2,
          body: '@gearhead_sam thanks for flagging! Fixed: https://acme.example/manuals/stove-x2',
        },
      ],
    },
    {
      subject: 'WhatsApp with Jonas Weber',
      channel: 'whatsapp',
      customer: jonas,
      status: 0,
      assignee: PRIYA,
      messages: [
        {
          minutesAgo: 90,
          from: 'customer',
          origin: 15,
          body: 'Hallo! Liefert ihr auch nach Österreich?',
        },
        {
          minutesAgo: 60,
          from: PRIYA,
          origin: 15,
          body: 'Hallo Jonas, ja – der Versand nach Österreich dauert 3–5 Werktage.',
        },
        { minutesAgo: 8, from: 'customer', origin: 15, body: 'Super, danke! 👍' },
      ],
    },
    {
      subject: 'Voicemail from +1 206-555-0199',
      channel: 'phone',
      customer: caller,
      status: 0,
      messages: [
        {
          minutesAgo: 180,
          from: 'customer',
          origin: 10,
          body: 'Voicemail (0:42): Hi, this is Greg calling about a return label for order 10455. Please call me back at 206-555-0199.',
          attachments: [file('voicemail-0042.mp3', 'audio/mpeg', 336_000)],
        },
      ],
    },
    {
      subject: 'Return request RMA-2291',
      channel: 'support',
      customer: amelie,
      status: 1,
      tags: ['returns'],
      data: { rma: 'RMA-2291' },
      assignee: JO,
      messages: [
        {
          minutesAgo: 1000,
          from: 'customer',
          origin: 11,
          originId: 'rma-2291',
          body: 'Return request RMA-2291\nItem: Ridge jacket (M)\nReason: too small',
        },
        {
          minutesAgo: 980,
          from: JO,
          origin: 1,
          recipients: to(amelie),
          body: '<p>Bonjour Amélie,</p><p>Your return is approved. Print the label here: <a href="https://acme.example/returns/RMA-2291/label">return label</a>.</p>',
          html: '<p>Bonjour Amélie,</p><p>Your return is approved. Print the label here: <a href="https://acme.example/returns/RMA-2291/label">return label</a>.</p>',
        },
      ],
    },
    {
      subject: 'Feedback on order #10511',
      channel: 'support',
      customer: amelie,
      status: 2,
      data: { order_id: '10511', rating: '5' },
      messages: [
        {
          minutesAgo: 3500,
          from: 'customer',
          origin: 7,
          originId: 'order-10511-feedback',
          body: 'Rating: 5/5\nThe sleeping bag is great & very warm, thanks!',
        },
        {
          minutesAgo: 3400,
          from: PRIYA,
          origin: 1,
          recipients: to(amelie),
          body: '<p>Thank you, Am&eacute;lie! We&#39;re glad it keeps you warm &lt;3</p>',
        },
      ],
    },
    {
      subject: 'Your quote for 12 Summit 2 tents',
      channel: 'sales',
      customer: rita,
      status: 1,
      tags: ['b2b', 'quote'],
      assignee: ALEX,
      messages: [
        {
          minutesAgo: 1440,
          from: ALEX,
          origin: 16,
          recipients: to(rita),
          body: '<p>Hi Rita,</p><p>As discussed, here is the quote for <strong>12 × Summit 2</strong> tents:</p><ul><li>Unit price: $289</li><li>Total: $3,468</li></ul><p>Best,<br>Alex</p>',
          html: '<p>Hi Rita,</p><p>As discussed, here is the quote for <strong>12 × Summit 2</strong> tents:</p><ul><li>Unit price: $289</li><li>Total: $3,468</li></ul><p>Best,<br>Alex</p>',
          attachments: [file('Quote Q-2024-118.pdf', 'application/pdf', 88_402)],
        },
        {
          minutesAgo: 120,
          from: 'customer',
          origin: 1,
          body: 'Thanks Alex, approved. Can you ship by the 20th?\n\n-- \nRita Gómez | Big Wall Guides',
          html: '<div>Thanks Alex, approved. Can you ship by the 20th?</div><div class="gmail_signature">-- <br>Rita Gómez | Big Wall Guides</div>',
        },
        {
          minutesAgo: 5,
          from: ALEX,
          origin: 1,
          visibility: 1,
          body: 'Checking warehouse stock before confirming the 20th.',
        },
      ],
    },
    {
      subject: 'Catalog request',
      channel: 'sales',
      customer: ben,
      status: 4,
      messages: [
        {
          minutesAgo: 9000,
          from: 'customer',
          origin: 17,
          body: 'Please send me your 2024 catalog.',
        },
        {
          minutesAgo: 8990,
          from: JO,
          origin: 1,
          recipients: to(ben),
          body: 'Here you go: https://acme.example/catalog-2024.pdf',
        },
      ],
    },
    {
      subject: 'You have WON a $500 gift card!!!',
      channel: 'support',
      customer: spammer,
      status: 3,
      messages: [
        {
          minutesAgo: 700,
          from: 'customer',
          origin: 1,
          body: 'Click here to claim your prize: http://spam.example/win',
          html: '<table><tr><td><a href="http://spam.example/win"><img src="http://spam.example/banner.gif"></a></td></tr></table>',
        },
      ],
    },
    {
      subject: 'Warranty replacement for stove X2',
      channel: 'support',
      customer: noah,
      status: 5,
      holdForDays: 3,
      changedMinutesAgo: 40,
      tags: ['warranty'],
      assignee: MARCO,
      messages: [
        {
          minutesAgo: 2000,
          from: 'customer',
          origin: 1,
          body: "My X2 stove won't ignite anymore.",
        },
        {
          minutesAgo: 1950,
          from: MARCO,
          origin: 1,
          recipients: to(noah),
          body: 'We will send a replacement as soon as stock arrives next week.',
        },
      ],
    },
    {
      subject: 'Bulk order for our scout troop',
      channel: 'sales',
      customer: olivia,
      status: 0,
      tags: ['b2b'],
      data: { troop: '4412', budget: '2000' },
      messages: [
        {
          minutesAgo: 15,
          from: 'customer',
          origin: 1,
          body: "Hi! We're a scout troop looking to buy 20 sleeping bags. Do you offer discounts for groups?",
          html: "<p>Hi! We're a scout troop looking to buy <b>20 sleeping bags</b>. Do you offer discounts for groups?</p>",
        },
      ],
    },
  ];

  for (const spec of conversations) {
    const [first, ...rest] = spec.messages;
    const sender = (from: string): { kind: 'staff'; email: string } | undefined =>
      from === 'customer' ? undefined : { kind: 'staff', email: from };
    const message = (m: MessageSpec) => ({
      body: m.body,
      originalBody: m.html ?? null,
      origin: m.origin,
      visibility: m.visibility ?? 0,
      originId: m.originId ?? null,
      createdAt: ago(m.minutesAgo),
      attachments: m.attachments,
      recipients: m.recipients,
    });
    const { conversation } = store.addConversation({
      subject: spec.subject,
      channel: spec.channel,
      author: spec.customer.internalId,
      status: spec.status,
      tags: spec.tags,
      data: spec.data,
      assignee: spec.assignee ?? null,
      followers: spec.followers,
      holdUntil: spec.holdForDays ? now + spec.holdForDays * DAY : null,
      message: { ...message(first), sender: sender(first.from) },
    });
    for (const m of rest) {
      store.addMessage({
        ...message(m),
        conversation: conversation.slug,
        sender: sender(m.from) ?? { kind: 'customer', contactId: spec.customer.internalId },
      });
    }
    if (spec.listedBare) conversation.listedBare = true;
    if (spec.changedMinutesAgo !== undefined) {
      store.updateConversation(conversation.slug, {}, ago(spec.changedMinutesAgo));
    }
  }
  seedRatingsAndTemplates(store);
  seedHelpCenterAndStatusPage(store);
}
