import type { IExecuteFunctions } from 'n8n-workflow';

import { AgentIqGuard } from '../../../nodes/AgentIqGuard/AgentIqGuard.node';
import { readRecentReplies } from '../../../src/recent-replies';
import { createContext } from '../../support/n8n-context';

const node = new AgentIqGuard();
const run = (parameters: (name: string, i: number) => unknown, items: Array<{ json: Record<string, unknown> }>, continueOnFail = false) =>
	node.execute.call(createContext({ parameters, items, continueOnFail }) as unknown as IExecuteFunctions);

describe('AgentIQ Guard node', () => {
	const items = [
		{ json: { marketplace: 'wb', channel: 'chat', text: 'где заказ?', replyText: 'Здравствуйте! Статус заказа виден в разделе «Доставки» личного кабинета WB.' } },
		{ json: { marketplace: 'wb', channel: 'chat', text: 'где заказ?', replyText: 'Напишите нам в WhatsApp +7 999 123-45-67, вернём деньги сразу.' } },
	];
	const params = (name: string, i: number) =>
		({ text: items[i].json.replyText, marketplace: items[i].json.marketplace, channel: items[i].json.channel, options: {} })[name];

	it('sends clean replies to Pass and violating ones to Blocked with the rules named', async () => {
		const [pass, blocked] = await run(params, items);
		expect(pass.map((i) => i.pairedItem)).toEqual([{ item: 0 }]);
		expect(blocked.map((i) => i.pairedItem)).toEqual([{ item: 1 }]);
		const rules = (blocked[0].json.guardrails as { violations: Array<{ rule: string }> }).violations.map((v) => v.rule);
		expect(rules).toEqual(expect.arrayContaining(['messenger', 'phone', 'promise']));
	});

	it('blocks a near-copy of a recent reply given as Data Table rows', async () => {
		const recent = [{ text: 'Здравствуйте! Статус заказа виден в разделе «Доставки» личного кабинета WB.' }];
		const [pass, blocked] = await run((name, i) => (name === 'options' ? { recentReplies: JSON.stringify(recent) } : params(name, i)), [items[0]]);
		expect(pass).toHaveLength(0);
		expect((blocked[0].json.guardrails as { violations: Array<{ rule: string }> }).violations[0].rule).toBe('repetition');
	});

	it('names the item of a bad marketplace; with continueOnFail the item is blocked, never passed', async () => {
		const bad = (name: string, i: number) => (name === 'marketplace' ? 'amazon' : params(name, i));
		await expect(run(bad, [items[0]])).rejects.toThrow('Marketplace must be wb, ozon or ym in item 0 (got "amazon")');
		const [pass, blocked] = await run(bad, [items[0]], true);
		expect(pass).toHaveLength(0);
		expect(blocked[0].json.error).toMatch(/Marketplace/);
	});

	it('reads recent replies in the shapes workflows have them', () => {
		expect(readRecentReplies(['a', 'b'])).toEqual(['a', 'b']);
		expect(readRecentReplies('[{"reply":"x"},{"text":"y"},{"other":1}]')).toEqual(['x', 'y']);
		expect(readRecentReplies('one\ntwo\n')).toEqual(['one', 'two']);
		expect(readRecentReplies(undefined)).toEqual([]);
		expect(() => readRecentReplies(42)).toThrow('recent replies must be a list');
	});
});
