import { MAX_FIELDS, flattenAnswer } from '../../../lib/records/api-answer';

describe('flattenAnswer (API Request’s output)', () => {
  it('flattens nested objects with __, keeps lists of scalars and lists of objects as line items', () => {
    expect(
      flattenAnswer(200, {
        total_count: 1,
        ok: true,
        missing: null,
        conversation: { subject: 'Hi', category: { name: 'Support', brand: { name: 'Acme' } } },
        tag_list: ['a', 'b'],
        items: [{ id: 1, user: { email: 'x@y.z' } }],
      }),
    ).toEqual({
      status_code: 200,
      total_count: 1,
      ok: true,
      missing: null,
      conversation__subject: 'Hi',
      conversation__category__name: 'Support',
      conversation__category__brand__name: 'Acme',
      tag_list: ['a', 'b'],
      items: [{ id: 1, user__email: 'x@y.z' }],
      response_json:
        '{"total_count":1,"ok":true,"missing":null,"conversation":{"subject":"Hi","category":{"name":"Support","brand":{"name":"Acme"}}},"tag_list":["a","b"],"items":[{"id":1,"user":{"email":"x@y.z"}}]}',
    });
  });

  it('gives values nested deeper than three levels, and mixed lists, as JSON text', () => {
    expect(
      flattenAnswer(200, { a: { b: { c: { d: { e: 1 } } } }, m: [1, { x: 2 }], n: [[1]] }),
    ).toEqual({
      status_code: 200,
      a__b__c__d: '{"e":1}',
      m: '[1,{"x":2}]',
      n: '[[1]]',
      response_json: '{"a":{"b":{"c":{"d":{"e":1}}}},"m":[1,{"x":2}],"n":[[1]]}',
    });
  });

  it('a list answer is `items`, a scalar `value`, an empty answer only the status', () => {
    expect(flattenAnswer(200, [{ note: 'x' }])).toEqual({
      status_code: 200,
      items: [{ note: 'x' }],
      response_json: '[{"note":"x"}]',
    });
    expect(flattenAnswer(200, 'ok')).toEqual({
      status_code: 200,
      value: 'ok',
      response_json: '"ok"',
    });
    expect(flattenAnswer(204, undefined)).toEqual({ status_code: 204, response_json: '' });
  });

  it('keeps an answer key named like its own fields apart', () => {
    expect(flattenAnswer(201, { status_code: 'x', response_json: 'y' })).toEqual({
      status_code: 201,
      response__status_code: 'x',
      response__response_json: 'y',
      response_json: '{"status_code":"x","response_json":"y"}',
    });
  });

  it('stops at MAX_FIELDS fields and says so; the JSON text keeps everything', () => {
    const body = Object.fromEntries(Array.from({ length: MAX_FIELDS + 5 }, (_, i) => [`k${i}`, i]));
    const item = flattenAnswer(200, body);
    expect(Object.keys(item)).toHaveLength(MAX_FIELDS + 3);
    expect(item[`k${MAX_FIELDS - 1}`]).toBe(MAX_FIELDS - 1);
    expect(item[`k${MAX_FIELDS}`]).toBeUndefined();
    expect(item.response_note).toBe(
      `The answer has ${MAX_FIELDS + 5} fields; the first ${MAX_FIELDS} are given as fields, all of them in Response as JSON Text.`,
    );
    expect(JSON.parse(item.response_json)).toEqual(body);
  });
});
