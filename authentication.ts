import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { brandHost } from './lib/http/brand';
import { getPage } from './lib/http/client';

/** What the auth test returns; the connection label is built from it. */
export interface ConnectedAccount {
  login_email: string;
  brand_host: string;
  channel_count: number;
}

/**
 * Proves brand and credentials together with one cheap authenticated read: the brand's channel
 * list is small, and every staff user may read it.
 */
export async function testAuth(z: ZObject, bundle: Bundle): Promise<ConnectedAccount> {
  const host = brandHost(bundle.authData.brand); // refuses a bad brand before any request
  const page = await getPage(z, bundle, '/channels', 'channels', {}, { connectionTest: true });
  return {
    login_email: (bundle.authData.username ?? '').trim(),
    brand_host: host,
    channel_count: page.totalCount || page.items.length,
  };
}

export default {
  type: 'basic',
  fields: [
    {
      key: 'brand',
      label: 'Brand',
      type: 'string',
      required: true,
      inputFormat: 'https://{{input}}.reamaze.io',
      helpText:
        'The part before `.reamaze.io` in the address you use for Re:amaze: for `https://acme.reamaze.io` enter `acme`. An account with several brands shows each one under **Settings → Brands**; connect once per brand.',
      isNoSecret: true,
    },
    {
      key: 'username',
      label: 'Login Email',
      type: 'string',
      required: true,
      helpText: 'The email address you sign in to Re:amaze with. Zapier acts as this staff user.',
      isNoSecret: true,
    },
    {
      key: 'password',
      label: 'API Token',
      type: 'password',
      required: true,
      helpText:
        'Your personal API token. In Re:amaze go to **Settings → API Token** (under Developer) and click **Generate New Token**. See [Re:amaze API tokens](https://www.reamaze.com/api).',
    },
  ],
  test: testAuth,
  connectionLabel: '{{login_email}} ({{brand_host}})',
} satisfies Authentication;
