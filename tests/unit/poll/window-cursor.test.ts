import {
	advanceWindow,
	newWindowCursor,
	selectNew,
	windowQueryStart,
	type WindowCursor,
	type WindowItem,
} from '../../../src/poll/window-cursor';

const item = (id: string, createdAt: number): WindowItem<string> => ({ id, createdAt, item: id });
const WINDOW = 3600;

describe('window cursor', () => {
	it('reads everything on a first poll that includes the backlog, then only the window', () => {
		const cursor = newWindowCursor(false, 1_000_000);
		expect(windowQueryStart(cursor, WINDOW)).toBeUndefined();
		const next = advanceWindow(cursor, [{ id: 'a', createdAt: 999_000 }], { startedAt: 1_000_000, complete: true, windowSeconds: WINDOW });
		expect(windowQueryStart(next, WINDOW)).toBe(1_000_000 - WINDOW);
	});

	it('never emits an id twice, also across duplicated pages', () => {
		let cursor: WindowCursor = newWindowCursor(false, 0);
		const first = selectNew(cursor, [item('a', 10), item('b', 20), item('b', 20)]);
		expect(first.map((e) => e.id)).toEqual(['a', 'b']);
		cursor = advanceWindow(cursor, first, { startedAt: 100, complete: true, windowSeconds: WINDOW });
		const second = selectNew(cursor, [item('a', 10), item('b', 20), item('c', 30)]);
		expect(second.map((e) => e.id)).toEqual(['c']);
	});

	it('emits a late-published item created before the last poll (inside the window)', () => {
		let cursor: WindowCursor = newWindowCursor(false, 0);
		cursor = advanceWindow(cursor, [{ id: 'a', createdAt: 5000 }], { startedAt: 6000, complete: true, windowSeconds: WINDOW });
		// 'late' was created at 5500, before the poll at 6000, but WB published it only afterwards.
		expect(windowQueryStart(cursor, WINDOW)).toBeLessThanOrEqual(5500);
		expect(selectNew(cursor, [item('a', 5000), item('late', 5500)]).map((e) => e.id)).toEqual(['late']);
	});

	it('start from now: ignores items created before activation', () => {
		const cursor = newWindowCursor(true, 10_000);
		expect(windowQueryStart(cursor, WINDOW)).toBe(10_000 - WINDOW);
		expect(selectNew(cursor, [item('old', 9_999), item('new', 10_001)]).map((e) => e.id)).toEqual(['new']);
	});

	it('orders by creation time', () => {
		const cursor = newWindowCursor(false, 0);
		expect(selectNew(cursor, [item('c', 30), item('a', 10), item('b', 20)]).map((e) => e.id)).toEqual(['a', 'b', 'c']);
	});

	it('keeps the seen set bounded to the window', () => {
		let cursor: WindowCursor = newWindowCursor(false, 0);
		cursor = advanceWindow(cursor, [{ id: 'old', createdAt: 1000 }, { id: 'recent', createdAt: 99_000 }], {
			startedAt: 100_000,
			complete: true,
			windowSeconds: WINDOW,
		});
		expect(Object.keys(cursor.seen)).toEqual(['recent']);
	});

	it('an incomplete poll resumes from the newest item it read and keeps the last complete poll time', () => {
		let cursor: WindowCursor = newWindowCursor(false, 0);
		cursor = advanceWindow(cursor, [], { startedAt: 50_000, complete: true, windowSeconds: WINDOW });
		cursor = advanceWindow(cursor, [{ id: 'x', createdAt: 60_000 }], {
			startedAt: 70_000,
			complete: false,
			newestReadAt: 60_000,
			windowSeconds: WINDOW,
		});
		expect(cursor.lastPollAt).toBe(50_000);
		expect(windowQueryStart(cursor, WINDOW)).toBe(60_000);
		expect(cursor.seen.x).toBe(60_000);
		cursor = advanceWindow(cursor, [{ id: 'y', createdAt: 61_000 }], { startedAt: 71_000, complete: true, windowSeconds: WINDOW });
		expect(cursor.resumeFrom).toBeUndefined();
		expect(windowQueryStart(cursor, WINDOW)).toBe(71_000 - WINDOW);
	});

	it('survives an outage longer than the window: the next query starts before the last complete poll', () => {
		let cursor: WindowCursor = newWindowCursor(false, 0);
		cursor = advanceWindow(cursor, [], { startedAt: 100_000, complete: true, windowSeconds: WINDOW });
		// Two days later the query still starts at the last complete poll minus the window.
		expect(windowQueryStart(cursor, WINDOW)).toBe(100_000 - WINDOW);
	});
});
