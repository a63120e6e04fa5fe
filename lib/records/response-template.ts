import type { Bundle, PlainOutputField, ZObject } from 'zapier-platform-core';
import { apiPath, reamazeRequest, unexpectedShape } from '../http/client';
import { isRecord, record, stringField } from '../http/api-values';
import { invalid, trimmed } from '../input/read';
import { lazySample } from './lazy-sample';

/**
 * Re:amaze response templates (saved replies): `GET /response_templates` lists the brand's ones and
 * the user's personal ones, `GET /response_templates/{id}` reads one. Shared by Find Response
 * Template, the Response Template dropdown and Add Message.
 */

export type ResponseTemplateItem = {
  [key: string]: unknown;
  id: string;
  name: string;
  body: string;
  group_name: string;
};

export const responseTemplateOutputFields: PlainOutputField[] = [
  { key: 'id', label: 'Template ID', type: 'string' },
  { key: 'name', label: 'Template Name', type: 'string' },
  { key: 'body', label: 'Template Text', type: 'string' },
  { key: 'group_name', label: 'Template Group', type: 'string' },
];

/**
 * One template from either endpoint. Never throws on an odd body. No "personal" flag: `is_personal`
 * is only written (POST/PUT), GET never returns it (https://www.reamaze.com/api/get_response_templates).
 */
export function flattenResponseTemplate(template: Record<string, unknown>): ResponseTemplateItem {
  return {
    id: stringField(template.id).trim(),
    name: stringField(template.name),
    body: stringField(template.body),
    group_name: stringField(record(template.response_template_group).name),
  };
}

export const responseTemplateSample: ResponseTemplateItem = lazySample(() =>
  flattenResponseTemplate({
    id: 3102,
    name: 'Delivery delayed',
    body: "Sorry for the wait. Our carrier reports a delay in your area; we'll keep an eye on your parcel and write again within 2 days.",
    response_template_group: { id: 71, name: 'Shipping' },
  }),
);

/** The template ID from the dropdown (a whole number), or undefined when none is chosen. */
export function responseTemplateId(value: unknown): string | undefined {
  const id = trimmed(value, 'Response Template');
  if (id === undefined) return undefined;
  if (!/^\d{1,18}$/.test(id)) {
    throw invalid(
      `Response Template "${id}" is not a template ID. Choose a template from the list, or map the Template ID from Find Response Template.`,
    );
  }
  return id;
}

/**
 * Reads one template (`GET /response_templates/{id}`), documented as the template itself; a
 * `{"response_template": {…}}` wrapper is accepted too. Whether its text can be sent (it may show
 * nothing) is for the caller to decide: see Add Message's `composeBody`.
 */
export async function readResponseTemplate(
  z: ZObject,
  bundle: Bundle,
  id: string,
): Promise<ResponseTemplateItem> {
  const answer = await reamazeRequest(z, bundle, {
    path: apiPath('response_templates', id),
    notFoundMessage: `No response template with ID ${id} was found (it may have been deleted, or be another user's personal template)`,
  });
  const body =
    isRecord(answer) && isRecord(answer.response_template) ? answer.response_template : answer;
  if (!isRecord(body) || typeof body.body !== 'string')
    throw unexpectedShape(z, 'the response template');
  return flattenResponseTemplate(body);
}
