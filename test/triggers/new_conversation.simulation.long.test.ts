import { defaultListSimulations } from './new_conversation.simulation.suites';

/** The long run of new_conversation.simulation.test.ts. */
defaultListSimulations({ seeds: [11, 29], hours: 12 });
