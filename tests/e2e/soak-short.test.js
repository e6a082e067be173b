// The short fault soak (tests/soak/soak.js): 300 interactions across Wildberries, Ozon and Yandex Market through the
// unified inbox template in a real n8n, with the full soak's faults (10% 5xx, bursts of 429 with retry headers,
// slow answers, duplicated items across pages) and one n8n restart halfway. Every interaction must get exactly one
// reply, counted from the sandbox's reply log.
//
// One n8n version only, to keep CI time down: AGENTIQ_SOAK_VERSION, by default 2.8.4 — the oldest n8n we support
// and the one that runs on the machine's own Node 20 (no second runtime started next to the sandbox); every other
// real-n8n test covers both versions. AGENTIQ_SOAK_TOTAL changes the count.
'use strict';
const { runSoak } = require('../soak/soak');

const TOTAL = Number(process.env.AGENTIQ_SOAK_TOTAL || 300);
const VERSION = process.env.AGENTIQ_SOAK_VERSION || '2.8.4';

describe(`short fault soak on n8n ${VERSION}`, () => {
	it(`${TOTAL} interactions on three marketplaces under faults and a restart: none lost, none answered twice`, async () => {
		const report = await runSoak({ total: TOTAL, version: VERSION, injectSeconds: 60, pollSeconds: 15, drainMinutes: 12, log: (line) => process.stderr.write(`${line}\n`) });
		process.stderr.write(`${JSON.stringify(report, null, 2)}\n`);
		expect(report.created).toBe(TOTAL);
		// The faults and the restart really happened.
		expect(report.restart).not.toBeNull();
		expect(report.faultsInjected['429'] || 0).toBeGreaterThan(0);
		expect(Object.entries(report.faultsInjected).filter(([k]) => /^5\d\d$/.test(k)).reduce((n, [, v]) => n + v, 0)).toBeGreaterThan(0);
		// Nothing lost, nothing twice, nothing answered that the soak did not create.
		expect({ lost: report.lost, lostByStream: report.lostByStream }).toEqual({ lost: 0, lostByStream: {} });
		expect({ twice: report.repliedTwice, twiceByStream: report.twiceByStream }).toEqual({ twice: 0, twiceByStream: {} });
		expect(report.unexpectedReplies).toBe(0);
		expect(report.replied).toBe(TOTAL);
	}, 30 * 60 * 1000);
});
