import { defineInputFields, defineSearch, type SearchPerform } from 'zapier-platform-core';
import { getPage } from '../lib/http/client';
import { email, invalid, text } from '../lib/input/read';
import { exactFirst } from '../lib/records/exact-first';
import { flattenStaff, staffOutputFields, staffSample, type StaffItem } from '../lib/records/staff';

/** Pages of `GET /staff` read at most (30 a page): a team larger than this is searched in part. */
export const MAX_STAFF_PAGES = 10;

const ONE_OF = 'Fill in Email or Name (Email wins when both are given).';

export const inputFields = defineInputFields([
  {
    key: 'email',
    label: 'Email',
    required: false,
    helpText: `The staff member whose login email is exactly this (any letter case). ${ONE_OF}`,
  },
  {
    key: 'name',
    label: 'Name',
    required: false,
    helpText: `Staff whose name or display name contains this text; an exact name comes first. ${ONE_OF}`,
  },
]);

/**
 * `GET /staff` has no search parameter, so the pages are read (up to {@link MAX_STAFF_PAGES}) and
 * matched here. An email match ends the reading; no match is `[]`.
 */
export const perform = (async (z, bundle) => {
  const byEmail = email(bundle.inputData.email, 'Email')?.toLowerCase();
  const byName = text(bundle.inputData.name, 'Name')?.trim().toLowerCase();
  if (byEmail === undefined && byName === undefined) {
    throw invalid('Fill in Email or Name to search staff by.');
  }
  const matches = (staff: StaffItem): boolean =>
    byEmail !== undefined
      ? staff.id.toLowerCase() === byEmail
      : [staff.name, staff.display_name].some((name) => name.toLowerCase().includes(byName ?? ''));

  const found: StaffItem[] = [];
  for (let page = 1; page <= MAX_STAFF_PAGES; page += 1) {
    const result = await getPage(z, bundle, '/staff', 'staff', { page });
    found.push(
      ...result.items.map(flattenStaff).filter((staff) => staff.id !== '' && matches(staff)),
    );
    if ((byEmail !== undefined && found.length > 0) || page >= result.pageCount) break;
    if (page === MAX_STAFF_PAGES) {
      z.console.log(`Find Staff Member read the first ${MAX_STAFF_PAGES} pages of staff only.`);
    }
  }
  return byName === undefined
    ? found
    : exactFirst(found, byName, (staff) => [staff.name, staff.display_name]);
}) satisfies SearchPerform<typeof inputFields, StaffItem>;

export default defineSearch({
  key: 'find_staff_member',
  noun: 'Staff Member',
  display: {
    label: 'Find Staff Member',
    description: 'Finds a staff member by login email or name.',
  },
  operation: {
    inputFields,
    perform,
    sample: staffSample,
    outputFields: staffOutputFields,
  },
});
