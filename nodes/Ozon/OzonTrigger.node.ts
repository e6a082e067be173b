import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { type Interaction } from '../../src/interaction';
import {
	applyChatBatches,
	isOzonChatCursor,
	newOzonChatCursor,
	planChatReads,
	queueReads,
	sinceFor,
	type ChatBatch,
	type ChatScan,
	type ChatToRead,
	type OzonChatCursor,
	type PendingChat,
} from '../../src/ozon/chat-poll';
import { chatSender, isBuyerChat, isRatingOnlyReview, normaliseChatMessage, normaliseQuestion, normaliseReview } from '../../src/ozon/normalise';
import { parseChatHistory, parseChatList, parseQuestionList, parseReviewList, type SkippedItem } from '../../src/ozon/parse';
import { chatHistory, listChats, listQuestions, listReviews, type QuestionStatus, type ReviewStatus } from '../../src/ozon/requests';
import type { RawChatMessage, RawQuestion, RawReview } from '../../src/ozon/schemas';
import { advanceWindow, isWindowCursor, newWindowCursor, selectNew, windowQueryStart, type WindowCursor, type WindowItem } from '../../src/poll/window-cursor';
import { asNodeError } from '../shared/errors';
import { ozonRequest } from './transport/request';

type OzonEvent = 'newReview' | 'newQuestion' | 'newChatMessage';

interface TriggerOptions {
	minRating?: number;
	maxRating?: number;
	skus?: string;
	includeRatingOnly?: boolean;
	lateArrivalMinutes?: number;
	maxPagesPerPoll?: number;
}

interface StaticState {
	cursors?: Record<string, unknown>;
}

const DEFAULT_WINDOW_MINUTES = 24 * 60;
const DEFAULT_MAX_PAGES = 20;
const LIST_LIMIT = 100;
const HISTORY_LIMIT = 1000;

function parseSkus(value: string | undefined): Set<string> | undefined {
	const ids = (value ?? '').split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
	return ids.length ? new Set(ids) : undefined;
}

function unixSeconds(iso: string): number {
	const ms = Date.parse(iso);
	return Number.isFinite(ms) ? Math.floor(ms / 1000) : 0;
}

export class OzonTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ozon Trigger',
		name: 'ozonTrigger',
		icon: { light: 'file:ozon.svg', dark: 'file:ozon.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ {"newReview":"New review","newQuestion":"New question","newChatMessage":"New chat message"}[$parameter["event"]] }}',
		description:
			'Polls Ozon for new buyer reviews, questions or chat messages. For chat messages pushed by Ozon as they happen, use Ozon Push Trigger: n8n decides per node type whether a node polls or listens, so one node cannot do both.',
		defaults: { name: 'Ozon Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ozonSellerApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				default: 'newReview',
				options: [
					{ name: 'New Review', value: 'newReview', description: 'A buyer reviewed a product (needs Ozon\'s "Review management" or Premium Pro subscription)' },
					{ name: 'New Question', value: 'newQuestion', description: 'A buyer asked a question on a product (needs Premium Plus)' },
					{ name: 'New Chat Message', value: 'newChatMessage', description: 'A buyer wrote in a buyer chat' },
				],
			},
			{
				displayName: 'Only Unanswered',
				name: 'onlyUnanswered',
				type: 'boolean',
				default: true,
				description: 'Whether to emit only items the seller has not answered yet',
			},
			{
				displayName: 'On First Activation',
				name: 'firstRun',
				type: 'options',
				default: 'includeExisting',
				options: [
					{
						name: 'Include What Is Already Unanswered',
						value: 'includeExisting',
						description: 'The first poll emits the unanswered backlog (unread chat messages), then only new items',
					},
					{ name: 'Start From Now', value: 'startFromNow', description: 'Only items created after the workflow is activated are emitted' },
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Include Rating-Only Reviews',
						name: 'includeRatingOnly',
						type: 'boolean',
						default: false,
						description: 'Whether to emit reviews that have stars but no text, photo or video',
						displayOptions: { show: { '/event': ['newReview'] } },
					},
					{
						displayName: 'Late Arrival Window (Minutes)',
						name: 'lateArrivalMinutes',
						type: 'number',
						default: DEFAULT_WINDOW_MINUTES,
						typeOptions: { minValue: 1 },
						description: 'How far back each poll looks again, so items Ozon publishes late (after moderation) are not missed',
						displayOptions: { show: { '/event': ['newReview', 'newQuestion'] } },
					},
					{
						displayName: 'Max Pages per Poll',
						name: 'maxPagesPerPoll',
						type: 'number',
						default: DEFAULT_MAX_PAGES,
						typeOptions: { minValue: 1 },
						description: 'A large backlog is read over several polls; the cursor keeps its place',
					},
					{
						displayName: 'Max Rating',
						name: 'maxRating',
						type: 'number',
						default: 5,
						typeOptions: { minValue: 1, maxValue: 5 },
						displayOptions: { show: { '/event': ['newReview'] } },
					},
					{
						displayName: 'Min Rating',
						name: 'minRating',
						type: 'number',
						default: 1,
						typeOptions: { minValue: 1, maxValue: 5 },
						displayOptions: { show: { '/event': ['newReview'] } },
					},
					{
						displayName: 'Product SKUs',
						name: 'skus',
						type: 'string',
						default: '',
						placeholder: '1234567890, 987654321',
						description: 'Only items about these Ozon SKUs (comma-separated). Empty means all products.',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as OzonEvent;
		const onlyUnanswered = this.getNodeParameter('onlyUnanswered', true) as boolean;
		const startFromNow = (this.getNodeParameter('firstRun', 'includeExisting') as string) === 'startFromNow';
		const options = this.getNodeParameter('options', {}) as TriggerOptions;
		const manual = this.getMode() === 'manual';
		const state = this.getWorkflowStaticData('node') as StaticState;
		state.cursors ??= {};
		const hadCursor = state.cursors[event] !== undefined;
		try {
			if (manual) {
				const item = await fetchSample.call(this, event);
				if (!item) {
					const what = event === 'newReview' ? 'reviews' : event === 'newQuestion' ? 'questions' : 'buyer chat messages';
					throw new NodeOperationError(this.getNode(), `No ${what} found on this Ozon account to show as a test event`);
				}
				return [[{ json: item as unknown as IDataObject }]];
			}
			const interactions =
				event === 'newChatMessage'
					? await pollChats.call(this, state, onlyUnanswered, startFromNow, options)
					: await pollList.call(this, event, state, onlyUnanswered, startFromNow, options);
			if (!interactions.length) return null;
			return [interactions.map((i) => ({ json: i as unknown as IDataObject }))];
		} catch (error) {
			// The first poll at activation must fail loudly (bad key, missing subscription); later ones keep the cursor
			// and try again on the next tick, as n8n's own polling triggers do.
			if (manual || !hadCursor) throw asNodeError(this.getNode(), error);
			this.logger.error(`Ozon Trigger: poll failed, cursor kept: ${(error as Error).message}`, { event, workflowId: this.getWorkflow().id });
			return null;
		}
	}
}

function logSkipped(this: IPollFunctions, what: string, skipped: SkippedItem[]): void {
	for (const s of skipped) {
		this.logger.warn(`Ozon Trigger: skipped a malformed ${what} (item ${s.index}${s.id ? `, id ${s.id}` : ''}): ${s.reason}`);
	}
}

async function fetchSample(this: IPollFunctions, event: OzonEvent): Promise<Interaction | undefined> {
	if (event === 'newReview') {
		const page = parseReviewList(await ozonRequest.call(this, listReviews({ limit: 20, sortDir: 'DESC' })));
		return page.items[0] ? normaliseReview(page.items[0]) : undefined;
	}
	if (event === 'newQuestion') {
		const page = parseQuestionList(await ozonRequest.call(this, listQuestions({ limit: 1, sortDir: 'DESC' })));
		return page.items[0] ? normaliseQuestion(page.items[0]) : undefined;
	}
	const list = parseChatList(await ozonRequest.call(this, listChats({ limit: 20 })));
	for (const info of list.chats.filter((c) => isBuyerChat(c.chat.chat_type))) {
		const history = parseChatHistory(await ozonRequest.call(this, chatHistory(info.chat.chat_id, { limit: 20 })));
		const buyer = history.messages.find((m) => chatSender(m.user.type) === 'buyer');
		if (buyer) return normaliseChatMessage(buyer, { chatId: info.chat.chat_id });
	}
	return undefined;
}

async function pollList(
	this: IPollFunctions,
	event: 'newReview' | 'newQuestion',
	state: StaticState,
	onlyUnanswered: boolean,
	startFromNow: boolean,
	options: TriggerOptions,
): Promise<Interaction[]> {
	const startedAt = Math.floor(Date.now() / 1000);
	const stored = state.cursors![event];
	const cursor: WindowCursor = isWindowCursor(stored) ? stored : newWindowCursor(startFromNow, startedAt);
	const windowSeconds = Math.max(1, options.lateArrivalMinutes ?? DEFAULT_WINDOW_MINUTES) * 60;
	const maxPages = Math.max(1, options.maxPagesPerPoll ?? DEFAULT_MAX_PAGES);
	const skus = parseSkus(options.skus);
	const dateFrom = windowQueryStart(cursor, windowSeconds);
	const from = dateFrom === undefined ? undefined : new Date(dateFrom * 1000).toISOString();
	// The backlog (first poll, no window) is what is unanswered; afterwards one status-free request per page sees
	// new items and answers alike, so a poll with nothing new costs one request.
	const statuses: string[] =
		dateFrom === undefined && onlyUnanswered ? (event === 'newReview' ? ['NEW', 'VIEWED'] : ['UNPROCESSED']) : ['ALL'];

	const read: Array<WindowItem<Interaction>> = [];
	const handled: Array<{ id: string; createdAt: number }> = [];
	let complete = true;
	let newestReadAt: number | undefined;
	let pages = 0;
	for (const status of statuses) {
		let lastId: string | undefined;
		for (;;) {
			if (pages >= maxPages) {
				complete = false;
				break;
			}
			pages++;
			const page =
				event === 'newReview'
					? parseReviewList(
							await ozonRequest.call(this, listReviews({ status: status as ReviewStatus | 'ALL', publishedFrom: from, lastId, limit: LIST_LIMIT, sortDir: 'ASC' })),
						)
					: parseQuestionList(
							await ozonRequest.call(this, listQuestions({ status: status as QuestionStatus, dateFrom: from, lastId, limit: LIST_LIMIT, sortDir: 'ASC' })),
						);
			logSkipped.call(this, event === 'newReview' ? 'review' : 'question', page.skipped);
			for (const raw of page.items) {
				const interaction = event === 'newReview' ? normaliseReview(raw as RawReview) : normaliseQuestion(raw as RawQuestion);
				const createdAt = unixSeconds(interaction.createdAt);
				newestReadAt = Math.max(newestReadAt ?? 0, createdAt);
				if (event === 'newReview' && !options.includeRatingOnly && isRatingOnlyReview(raw as RawReview)) {
					this.logger.debug(`Ozon Trigger: skipped rating-only review ${interaction.externalId}`);
					handled.push({ id: interaction.externalId, createdAt });
					continue;
				}
				read.push({ id: interaction.externalId, createdAt, item: interaction });
			}
			// A repeated last_id would loop forever: treat it as the end.
			if (!page.hasNext || !page.lastId || page.lastId === lastId) break;
			lastId = page.lastId;
		}
		if (!complete) break;
	}

	const emitted: Interaction[] = [];
	for (const entry of selectNew(cursor, read)) {
		handled.push({ id: entry.id, createdAt: entry.createdAt });
		const i = entry.item;
		if (skus && !(i.productId && skus.has(i.productId))) continue;
		if (event === 'newReview' && i.rating !== undefined) {
			if (options.minRating !== undefined && i.rating < options.minRating) continue;
			if (options.maxRating !== undefined && i.rating > options.maxRating) continue;
		}
		if (onlyUnanswered && i.answered) continue;
		emitted.push(i);
	}
	state.cursors![event] = advanceWindow(cursor, handled, { startedAt, complete, newestReadAt, windowSeconds });
	return emitted;
}

/** Reads a chat's new messages; `complete` is false when the page budget ran out before its end. */
async function readChat(this: IPollFunctions, read: ChatToRead, budget: { pages: number }): Promise<{ messages: RawChatMessage[]; complete: boolean }> {
	if (read.after === undefined) {
		// First poll (unread backlog) or a chat first seen now: its newest messages, newest first.
		const limit = Math.min(HISTORY_LIMIT, Math.max(50, read.unread + 10));
		budget.pages--;
		const page = parseChatHistory(await ozonRequest.call(this, chatHistory(read.chatId, { limit })));
		logSkipped.call(this, 'chat message', page.skipped);
		return { messages: page.messages, complete: true };
	}
	const out: RawChatMessage[] = [];
	let from = read.after;
	for (;;) {
		if (budget.pages <= 0) return { messages: out, complete: false };
		budget.pages--;
		const page = parseChatHistory(await ozonRequest.call(this, chatHistory(read.chatId, { direction: 'Forward', fromMessageId: from, limit: HISTORY_LIMIT })));
		logSkipped.call(this, 'chat message', page.skipped);
		out.push(...page.messages);
		const newest = newestId(page.messages);
		if (!page.hasNext || !newest || newest === from) return { messages: out, complete: true };
		from = newest;
	}
}

function newestId(messages: RawChatMessage[]): string | undefined {
	return messages.map((m) => String(m.message_id)).sort((a, b) => (a.length - b.length) || (a < b ? -1 : a > b ? 1 : 0)).pop();
}

async function pollChats(
	this: IPollFunctions,
	state: StaticState,
	onlyUnanswered: boolean,
	startFromNow: boolean,
	options: TriggerOptions,
): Promise<Interaction[]> {
	const startedMs = Date.now();
	const stored = state.cursors!.newChatMessage;
	const isFirst = !isOzonChatCursor(stored);
	const cursor: OzonChatCursor = isOzonChatCursor(stored) ? stored : newOzonChatCursor(startedMs);
	const maxPages = Math.max(1, options.maxPagesPerPoll ?? DEFAULT_MAX_PAGES);
	const budget = { pages: maxPages };
	const skus = parseSkus(options.skus);
	const includeExisting = !startFromNow;
	// Chats queued by earlier polls (cut by the page budget) come first, then what this poll finds.
	const pending: Record<string, PendingChat> = {};
	for (const [id, p] of Object.entries(cursor.pending ?? {})) pending[id] = { ...p };
	const remember: Record<string, string> = {};
	let scan: ChatScan | undefined = cursor.scan;

	/** Walks the list from `start`; returns the cursor to resume from when the budget cut the walk short. */
	const walk = async (start: string | undefined, mode: { isFirst: boolean; sinceMs?: number; stopAtQuiet: boolean; reserve: number }) => {
		let pageCursor = start;
		for (;;) {
			if (budget.pages <= mode.reserve) return pageCursor ?? '';
			budget.pages--;
			const page = parseChatList(await ozonRequest.call(this, listChats({ cursor: pageCursor, limit: LIST_LIMIT })));
			logSkipped.call(this, 'chat', page.skipped);
			// `pending` as the cursor sees it, so a chat queued earlier in this walk is not planned again.
			const plan = planChatReads({ ...cursor, last: { ...cursor.last, ...remember }, pending }, page.chats, { isFirst: mode.isFirst, includeExisting, sinceMs: mode.sinceMs });
			Object.assign(remember, plan.remember);
			// A chat repeated across pages (the list moved while paging) is queued once.
			queueReads(pending, plan.reads);
			if ((mode.stopAtQuiet && plan.stop) || !page.hasNext || !page.cursor || page.cursor === pageCursor) return undefined;
			pageCursor = page.cursor;
		}
	};

	// From the top: what moved since the last poll, down to the first chat with nothing new (the whole list on the
	// first poll). Cut by the budget, the rest is walked on later polls (keeping an older cut's mode: it lies below).
	const topCut = await walk(undefined, { isFirst, stopAtQuiet: !isFirst, reserve: 0 });
	if (topCut !== undefined) {
		this.logger.info('Ozon Trigger: page budget reached while listing chats; the rest of the list is read on the next poll');
		scan = { cursor: topCut, first: isFirst || !!scan?.first, sinceMs: scan?.sinceMs ?? sinceFor(cursor) };
	} else if (scan && !isFirst) {
		// A walk cut on an earlier poll: continued to the end, leaving half the budget to read queued chats.
		const reserve = Object.keys(pending).length ? Math.floor(maxPages / 2) : 0;
		const cut = await walk(scan.cursor || undefined, { isFirst: scan.first, sinceMs: scan.sinceMs, stopAtQuiet: false, reserve });
		scan = cut === undefined ? undefined : { ...scan, cursor: cut };
	}

	const batches: ChatBatch[] = [];
	for (const [chatId, queued] of Object.entries(pending)) {
		if (budget.pages <= 0) {
			this.logger.info(`Ozon Trigger: page budget reached; chat ${chatId} is read on the next poll`);
			break;
		}
		const read: ChatToRead = { chatId, ...queued };
		const { messages, complete } = await readChat.call(this, read, budget);
		batches.push({ chatId, read, messages });
		if (complete) delete pending[chatId];
		else {
			// Read forward from the newest message handled here on the next poll.
			const newest = newestId(messages);
			if (newest) pending[chatId] = { seen: queued.seen, unread: queued.unread, after: newest };
		}
	}
	const applied = applyChatBatches(cursor, batches, remember, startedMs, { pending, scan });
	state.cursors!.newChatMessage = applied.cursor;
	const out: Interaction[] = [];
	for (const m of applied.messages) {
		const interaction = normaliseChatMessage(m.message, {
			chatId: m.chatId,
			answered: m.answered,
			history: m.history,
			extraRaw: { repeatContact: m.repeatContact },
		});
		if (skus && !(interaction.productId && skus.has(interaction.productId))) continue;
		if (onlyUnanswered && m.answered) continue;
		out.push(interaction);
	}
	return out;
}
