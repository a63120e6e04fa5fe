import { busySimulations } from './new_message.simulation.suites';

/** Everyday length; new_message.busy.simulation.long.test.ts runs the same for longer. */
busySimulations({ busyHours: 1, filteredHours: 3 });
