import _ from 'lodash';
import { lazySample } from '../../../lib/records/lazy-sample';

describe('lazySample', () => {
  it('makes the sample on the first look only, and only once', () => {
    const make = jest.fn(() => ({ id: 'a', tags: ['x'] }));
    const sample = lazySample(make);
    expect(make).not.toHaveBeenCalled();
    expect(sample.id).toBe('a');
    expect(Object.keys(sample)).toEqual(['id', 'tags']);
    expect(make).toHaveBeenCalledTimes(1);
  });

  it('reads as the object it stands for: JSON, equality, spread and core’s deep copy', () => {
    const made = { id: 'a', at: null, nested: { n: 1 } };
    for (const look of [
      (s: object) => JSON.stringify(s),
      (s: object) => ({ ...s }),
      (s: object) => _.cloneDeepWith(s, (v: unknown) => (typeof v === 'function' ? v : undefined)),
    ]) {
      const sample = lazySample(() => ({ ...made }));
      const seen = look(sample);
      expect(typeof seen === 'string' ? JSON.parse(seen) : seen).toStrictEqual(made);
    }
    expect(lazySample(() => ({ ...made }))).toStrictEqual(made);
  });
});
