import type { PlainOutputField } from 'zapier-platform-core';
import { dateTimeField, record, stringField } from '../http/api-values';
import { lazySample } from './lazy-sample';

/**
 * A Re:amaze staff member as `GET /staff` lists them (https://www.reamaze.com/api/get_staff): the
 * Staff dropdowns and Find Staff Member read the same fields. The login email is the value every
 * Staff field (`sent_by`, the assignee) takes.
 */

export type ApiStaff = Record<string, unknown>;

export function staffEmail(staff: ApiStaff): string {
  return stringField(staff.email).trim();
}

/** The name, else the display name, else the email. */
export function staffName(staff: ApiStaff): string {
  return (
    stringField(staff.name).trim() || stringField(staff.display_name).trim() || staffEmail(staff)
  );
}

export interface StaffItem {
  [key: string]: unknown;
  id: string;
  name: string;
  display_name: string;
  role: string;
  /** Null when the role does not say. */
  is_admin: boolean | null;
  created_at: string | null;
}

/** One staff member as one flat set of fields. Never throws on an odd body. */
export function flattenStaff(staff: ApiStaff): StaffItem {
  const role = record(staff.role);
  const admin = role['admin?'];
  return {
    id: staffEmail(staff),
    name: staffName(staff),
    display_name: stringField(staff.display_name).trim(),
    role: stringField(role.name),
    is_admin: typeof admin === 'boolean' ? admin : null,
    created_at: dateTimeField(staff.created_at),
  };
}

export const staffOutputFields: PlainOutputField[] = [
  { key: 'id', label: 'Staff Email (What Staff Fields Take)', required: true },
  { key: 'name', label: 'Staff Name' },
  { key: 'display_name', label: 'Display Name' },
  { key: 'role', label: 'Role' },
  { key: 'is_admin', label: 'Admin', type: 'boolean' },
  { key: 'created_at', label: 'Date Joined', type: 'datetime' },
];

/** One staff member as `GET /staff` lists them (role permissions abridged). */
export const API_STAFF_SAMPLE = {
  name: 'Jonas Weber',
  display_name: 'Jonas',
  email: 'jonas.weber@acme.example',
  created_at: '2025-11-02T09:14:22.512-06:00',
  role: { name: 'Agent', 'admin?': false, permissions: { 'reply_to_customers?': true } },
};

export const staffSample: StaffItem = lazySample(() => flattenStaff(API_STAFF_SAMPLE));
