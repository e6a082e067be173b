// The `quality` command of the development CLI, on the TypeScript core (the CLI itself loads the compiled one).
import * as core from '../../../src/quality';
import { REF, at, review, reviews } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const command = require('../../tools/commands/quality.js');

async function run(options: Record<string, unknown>, lines: unknown[]): Promise<Array<Record<string, unknown>>> {
	const ctx = command.prepare({ now: new Date(REF).toISOString(), ...options }, core);
	const out: Array<Record<string, unknown>> = [];
	async function* source() {
		for (let i = 0; i < lines.length; i++) yield { lineNo: i + 1, obj: lines[i] };
	}
	await command.processAll(source(), ctx, (o: Record<string, unknown>) => out.push(o));
	return out;
}

const ITEMS = [...reviews('A', 'previous', 20, 2), ...reviews('A', 'current', 20, 8), ...reviews('B', 'previous', 12, 1), ...reviews('B', 'current', 12, 1)];

describe('agentiq quality (CLI command)', () => {
	it('emits one alert line per spiking product, after every input line is read', async () => {
		const out = await run({}, ITEMS);
		expect(out.map((o) => [o.type, o.productId, o.negative])).toEqual([['quality_spike', 'A', 8]]);
	});

	it('reports unreadable lines with their number and still counts the rest', async () => {
		const out = await run({ 'min-reviews': '10' }, [{ productId: 'A', createdAt: 'x' }, 'text', ...ITEMS]);
		expect(out.slice(0, 2)).toEqual([
			{ line: 1, error: 'line 1: "createdAt" must be an ISO date-time in item 1 (got "x")' },
			{ line: 2, error: 'line 2: expected a JSON object per line' },
		]);
		expect(out.slice(2).map((o) => o.productId)).toEqual(['A']);
	});

	it('ranks top problem products and question topics', async () => {
		const top = await run({ operation: 'top', top: '5' }, ITEMS);
		expect(top.map((o) => [o.rank, o.productId])).toEqual([
			[1, 'A'],
			[2, 'B'],
		]);
		const q = { channel: 'question', productId: 'Q', text: 'Какой размер взять?', createdAt: at(1), classification: { intent: 'sizing_fit', sentiment: 'neutral' } };
		const questions = await run({ operation: 'questions', 'min-questions': '2' }, [q, q, review('Q', 1)]);
		expect(questions).toMatchObject([{ productId: 'Q', questions: 2, topTopic: 'size', topShare: 1 }]);
	});

	it('rejects bad options by name', () => {
		expect(() => command.prepare({ operation: 'all' }, core)).toThrow('--operation must be one of spikes, top, questions');
		expect(() => command.prepare({ now: 'today' }, core)).toThrow('--now must be an ISO date-time');
		expect(() => command.prepare({ threshold: 'big' }, core)).toThrow('--threshold must be a number');
		expect(() => command.prepare({ 'negative-rule': 'mood' }, core)).toThrow('--negative-rule must be one of');
	});
});
