import { reopenSimulations } from './new_conversation.simulation.suites';

/** The long run of new_conversation.reopen.simulation.test.ts. */
reopenSimulations({ reopenHours: 16 });
