import { brandSimulations } from './new_message.simulation.suites';

/** The long run of new_message.simulation.test.ts (under the runner's 250 polls a file). */
brandSimulations({ mixedHours: 10, failureHours: 22 });
