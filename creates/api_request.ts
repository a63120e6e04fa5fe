import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { reamazeExchange, redact } from '../lib/http/client';
import { typedApiPath } from '../lib/input/api-path';
import { choicesOf, dict, invalid, requiredChoice, text, type ChoiceMap } from '../lib/input/read';
import { API_CONTACT_SAMPLE } from '../lib/records/contact.sample';
import { answerOutputFields, flattenAnswer, type AnswerItem } from '../lib/records/api-answer';
import { lazySample } from '../lib/records/lazy-sample';

const METHODS = {
  GET: 'GET (read)',
  POST: 'POST (create)',
  PUT: 'PUT (update)',
  PATCH: 'PATCH (update part)',
  DELETE: 'DELETE (remove)',
} as const satisfies ChoiceMap;

type Method = keyof typeof METHODS;

export const inputFields = defineInputFields([
  {
    key: 'method',
    label: 'Method',
    required: true,
    default: 'GET',
    choices: choicesOf(METHODS),
    helpText: 'The HTTP method of the request, as the Re:amaze API page of the endpoint shows it.',
  },
  {
    key: 'path',
    label: 'Path',
    required: true,
    helpText:
      'The endpoint below `/api/v1` of your brand, for example `/conversations/where-is-my-order/messages` (see [the Re:amaze API](https://www.reamaze.com/api)). Only your brand’s API can be reached: full web addresses, `..`, backslashes and `@` are refused (write an email address’s @ as `%40`). Query parameters go in Query.',
  },
  {
    key: 'query',
    label: 'Query',
    required: false,
    dict: true,
    helpText: 'Query parameters, sent as typed, for example `page` = `2` or `data[plan]` = `pro`.',
  },
  {
    key: 'body',
    label: 'Body (JSON)',
    required: false,
    type: 'text',
    helpText:
      'The JSON to send with POST, PUT, PATCH or DELETE, for example `{"message": {"body": "Thanks!"}}`. It is checked before anything is sent; GET takes none.',
  },
  {
    key: 'about_the_answer',
    label: 'About the Answer',
    type: 'copy',
    helpText:
      'The answer comes back as fields: HTTP Status, each top-level value of the JSON, nested objects flattened with `__` (`conversation__subject`), lists of objects as line items, values nested more than three levels deep as JSON text, and the whole answer in Response as JSON Text. Errors, rate limits and retries work as in every other step.',
  },
]);

/** The Body: any JSON value, parsed before any request; undefined when empty. */
function jsonBody(value: unknown, method: Method): unknown {
  const given = text(value, 'Body (JSON)');
  if (given === undefined) return undefined;
  if (method === 'GET') {
    throw invalid('A GET request sends no body: clear Body (JSON), or choose POST, PUT or PATCH.');
  }
  try {
    return JSON.parse(given) as unknown;
  } catch (error) {
    throw invalid(
      `Body (JSON) is not valid JSON (${(error as Error).message}). Check the quotes, commas and brackets, e.g. {"message": {"body": "Thanks!"}}.`,
    );
  }
}

/** The answer with the API token removed from every text in it, as from every message and log. */
function redacted(value: unknown, bundle: Parameters<typeof redact>[1]): unknown {
  if (typeof value === 'string') return redact(value, bundle);
  if (Array.isArray(value)) return value.map((item) => redacted(item, bundle));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [redact(key, bundle), redacted(inner, bundle)]),
    );
  }
  return value;
}

/**
 * Any request to the connected brand's API, through the one client: the brand, the path rule,
 * error mapping, retries and redaction are those of every other operation.
 */
export const perform = (async (z, bundle) => {
  const input = bundle.inputData;
  const method = requiredChoice(input.method, 'Method', METHODS);
  const path = typedApiPath(input.path, 'Path');
  const params = dict(input.query, 'Query');
  const body = jsonBody(input.body, method);
  const answer = await reamazeExchange(z, bundle, {
    method,
    path,
    params,
    body,
    notFoundMessage: `Re:amaze's API has nothing at ${method} /api/v1${path} (check the path and any ID in it)`,
    emptyAnswerAllowed: true,
  });
  return flattenAnswer(answer.status, redacted(answer.body, bundle));
}) satisfies CreatePerform<typeof inputFields, AnswerItem>;

export default defineCreate({
  key: 'api_request',
  noun: 'API Request',
  display: {
    label: 'API Request',
    description: 'Sends any request to your brand’s API, for what the other actions do not cover.',
  },
  operation: {
    inputFields,
    perform,
    // What `GET /contacts?q=maya` answers.
    sample: lazySample(() =>
      flattenAnswer(200, {
        page_size: 30,
        page_count: 1,
        total_count: 1,
        contacts: [API_CONTACT_SAMPLE],
      }),
    ),
    outputFields: answerOutputFields,
  },
});
