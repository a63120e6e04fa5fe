import { busySimulations } from './new_message.simulation.suites';

/** The long run of new_message.busy.simulation.test.ts. */
busySimulations({ busyHours: 1.5, filteredHours: 8 });
