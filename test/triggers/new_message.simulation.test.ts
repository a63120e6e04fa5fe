import { brandSimulations } from './new_message.simulation.suites';

/** Everyday length; new_message.simulation.long.test.ts runs the same for longer. */
brandSimulations({ mixedHours: 3, failureHours: 6 });
