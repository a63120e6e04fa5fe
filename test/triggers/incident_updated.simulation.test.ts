import { simulationSuite } from './incident-simulation';

describe('Incident Updated and New Incident over random status-page traffic', () => {
  simulationSuite(8, 4);
});
