import { simulationSuite } from './incident-simulation';

jest.setTimeout(60_000);

describe('Incident Updated and New Incident over random status-page traffic, long run', () => {
  simulationSuite(100, 12);
});
