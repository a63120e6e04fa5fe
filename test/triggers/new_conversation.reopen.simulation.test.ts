import { reopenSimulations } from './new_conversation.simulation.suites';

/** Everyday length; new_conversation.reopen.simulation.long.test.ts runs 16 hours. */
reopenSimulations({ reopenHours: 6 });
