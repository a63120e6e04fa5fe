import { splitName } from '../../../lib/records/person-name';

describe('splitName: first and last name beside every full name', () => {
  it.each<[string, string, string]>([
    ['Maya Lindqvist', 'Maya', 'Lindqvist'],
    ['Maya', 'Maya', ''],
    ['Mary Ann Lee', 'Mary Ann', 'Lee'],
    ['  Jonas   Weber ', 'Jonas', 'Weber'],
    ['Lindqvist, Maya', 'Maya', 'Lindqvist'],
    ['Ludwig van Beethoven', 'Ludwig van', 'Beethoven'],
    ['ليلى حداد', 'ليلى', 'حداد'],
    ['', '', ''],
    ['   ', '', ''],
    ['maya@example.com', '', ''],
  ])('%j → %j / %j', (full, first, last) => {
    expect(splitName(full)).toEqual({ first_name: first, last_name: last });
  });
});
