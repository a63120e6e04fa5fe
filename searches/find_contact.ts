import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { getPage, requestTimeout, unfinishedSearch, type QueryValue } from '../lib/http/client';
import { MIN_PAGE_TIME_MS, POLL_BUDGET_MS } from '../lib/polling/paging';
import {
  contactOutputFields,
  contactSample,
  flattenContact,
  type ContactItem,
} from '../lib/records/contact';
import { E164_EXAMPLE, mobileNumber } from '../lib/input/contact';
import { dataParams, email, invalid, text } from '../lib/input/read';
import { exactFirst } from '../lib/records/exact-first';

/**
 * Time for reading Re:amaze's text matches while looking for the exact email or mobile: every page
 * until it is found or the list ends, within the time a step has (as a poll's budget).
 */
export const SEARCH_BUDGET_MS = POLL_BUDGET_MS;

const ONE_OF =
  'Fill in at least one of Email, Mobile, Name or Custom Data: Email is searched when given, else Mobile, else Name.';

export const inputFields = defineInputFields([
  {
    key: 'email',
    label: 'Email',
    required: false,
    helpText: `Finds the contact with exactly this email address. ${ONE_OF}`,
  },
  {
    key: 'mobile',
    label: 'Mobile',
    required: false,
    helpText: `Finds the contact with exactly this mobile number, in E.164 form (for example \`${E164_EXAMPLE}\`). ${ONE_OF}`,
  },
  {
    key: 'name',
    label: 'Name',
    required: false,
    helpText: `Re:amaze's contact search: also finds names containing this text, exact names first. ${ONE_OF}`,
  },
  {
    key: 'data',
    label: 'Custom Data',
    required: false,
    dict: true,
    helpText:
      'Contacts whose Customer Data Attributes have these values (every key must match). Can be combined with the fields above.',
  },
]);

type Criterion = { kind: 'email' | 'mobile' | 'name'; value: string };

/** Email and mobile must match exactly: `q` is a text search, and a near miss must not be "found". */
function matches(contact: ContactItem, criterion: Criterion): boolean {
  if (criterion.kind === 'email') {
    return contact.email.trim().toLowerCase() === criterion.value.toLowerCase();
  }
  if (criterion.kind === 'mobile') return contact.mobile.replace(/\s+/g, '') === criterion.value;
  return true;
}

/**
 * `GET /contacts` with `q` (the one text criterion) and `data[key]=value` for custom data. An empty
 * result is `[]`, so a find-or-create step goes on to Create Contact.
 */
export const perform = (async (z, bundle) => {
  const input = bundle.inputData;
  const byEmail = email(input.email, 'Email');
  const byMobile = mobileNumber(input.mobile, 'Mobile');
  const byName = text(input.name, 'Name')?.trim();
  const data = dataParams(input.data, 'Custom Data');
  const criterion: Criterion | undefined =
    byEmail !== undefined
      ? { kind: 'email', value: byEmail }
      : byMobile !== undefined
        ? { kind: 'mobile', value: byMobile }
        : byName !== undefined
          ? { kind: 'name', value: byName }
          : undefined;
  if (criterion === undefined && Object.keys(data).length === 0) {
    throw invalid('Fill in at least one of Email, Mobile, Name or Custom Data to search by.');
  }

  const params: Record<string, QueryValue> = {
    q: criterion?.value,
    // Only contacts that have the identifier searched for (Re:amaze's `type` filter).
    type: criterion?.kind === 'name' ? undefined : criterion?.kind,
    ...data,
  };

  const exact = criterion?.kind === 'email' || criterion?.kind === 'mobile';
  const found: ContactItem[] = [];
  const started = Date.now();
  for (let page = 1; ; page += 1) {
    const left = SEARCH_BUDGET_MS - (Date.now() - started);
    if (page > 1 && left < MIN_PAGE_TIME_MS) {
      throw unfinishedSearch(
        z,
        `Re:amaze's search for ${criterion?.value} has more matches than could be read in time (${page - 1} pages), and the exact ${criterion?.kind} is not among them yet.`,
      );
    }
    const timeoutMs = Math.min(requestTimeout.ms, left);
    const result = await getPage(
      z,
      bundle,
      '/contacts',
      'contacts',
      { ...params, page },
      { timeoutMs },
    );
    const contacts = result.items.map((contact) => flattenContact(contact, bundle.authData.brand));
    found.push(
      ...(criterion ? contacts.filter((contact) => matches(contact, criterion)) : contacts),
    );
    if (!exact || found.length > 0 || page >= result.pageCount || result.items.length === 0) break;
  }
  return criterion?.kind === 'name'
    ? exactFirst(found, criterion.value, (contact) => [contact.name])
    : found;
}) satisfies SearchPerform<typeof inputFields, ContactItem>;

export default defineSearch({
  key: 'find_contact',
  noun: 'Contact',
  display: {
    label: 'Find Contact',
    description: 'Finds a contact by email address, mobile number, name or custom data.',
  },
  operation: {
    inputFields,
    perform,
    sample: contactSample,
    outputFields: contactOutputFields,
  },
});
