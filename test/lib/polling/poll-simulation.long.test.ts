import { backlogGrid, expectSound, scenarioGrid, simulate } from './poll-simulation';

/** The full scenario grid (`SIMULATION_REPORT=1` prints the figures); everyday runs: poll-simulation.test.ts. */

jest.setTimeout(120_000);

describe('paging with per-Zap watermarks, the full grid', () => {
  it.each(scenarioGrid())('$name', async ({ name, scenario }) => {
    const result = await simulate(scenario);
    expectSound(result);
    if (scenario.cache === 'present' && !scenario.failRate && !scenario.latency) {
      // Steady and quiet: fewer than a page since the poll before the last costs one request.
      const quietEnough = (scenario.perHour * 2 * scenario.intervalMin) / 60 < 25;
      if (quietEnough && !scenario.bursts) expect(result.quietMeanRequests).toBeLessThan(1.05);
    }
    if (scenario.bursts && scenario.cache === 'present') {
      expect(result.late).toBe(0);
      const burstPoll = result.polls[(scenario.bursts[0]?.after ?? 0) + 1];
      const count = scenario.bursts[0]?.count ?? 0;
      expect(burstPoll?.requests).toBeLessThanOrEqual(Math.ceil(count / 30) + 1 + 1);
    }
    if (process.env.SIMULATION_REPORT) {
      console.log(
        `| ${name} | ${result.meanRequests.toFixed(2)} | ${result.quietMeanRequests.toFixed(2)} | ` +
          `${result.messages} | ${result.missed} (${result.missedInOutage} in outages) | ${result.late} | ` +
          `${result.firedTwice} | ${result.oldFired} | ${result.logs.length} |`,
      );
    }
  });
});

describe('bursts bigger than a poll, unstable tie order, implausible stored values', () => {
  it.each(backlogGrid())('$name', async ({ name, scenario, bound }) => {
    const result = await simulate(scenario);
    // 0 missed within the documented bound (docs/polling.md), 0 fired twice, 0 old fired as new.
    expect(result.missed).toBeLessThanOrEqual(bound);
    expect([result.firedTwice, result.oldFired]).toEqual([0, 0]);
    if (process.env.SIMULATION_REPORT) {
      const fired = result.polls.reduce((sum, poll) => sum + poll.fired.length, 0);
      console.log(`| ${name} | ${result.messages} | ${fired} | ${result.missed} | ${bound} |`);
    }
  });
});
