import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import type { Interaction } from '../../src/interaction';
import { advanceWindow, isWindowCursor, newWindowCursor, selectNew, windowQueryStart, type WindowCursor, type WindowItem } from '../../src/poll/window-cursor';
import { applyChatHistory, chatsToRead, isYmChatCursor, newYmChatCursor, withChats, type YmChatMemory } from '../../src/ym/chat-cursor';
import { historyEntry, isRatingOnly, normaliseChatMessage, normaliseFeedback, normaliseQuestion } from '../../src/ym/normalise';
import { parseChatPage, parseFeedbackPage, parseHistoryPage, parseQuestionPage, type SkippedItem } from '../../src/ym/parse';
import { chatHistory, listChats, listFeedbacks, listQuestions, type YmChatStatus } from '../../src/ym/requests';
import type { RawChat, RawChatMessage } from '../../src/ym/schemas';
import { asNodeError } from '../shared/errors';
import { ymAccount, ymRequest } from './transport/request';

type YmEvent = 'newReview' | 'newQuestion' | 'newChatMessage';

interface TriggerOptions {
	minRating?: number;
	maxRating?: number;
	offerIds?: string;
	includeRatingOnly?: boolean;
	lateArrivalMinutes?: number;
	maxPagesPerPoll?: number;
}

interface StaticState {
	cursors?: Record<string, unknown>;
	/** Where a poll that hit its page budget stopped: the page token and the query it belongs to. */
	resume?: Record<string, { pageToken: string; from?: number; pass: number } | undefined>;
}

const DEFAULT_WINDOW_MINUTES = 24 * 60;
const DEFAULT_MAX_PAGES = 20;
/** Chats that may hold a buyer message without a seller reply. */
const WAITING_STATUSES: YmChatStatus[] = ['NEW', 'WAITING_FOR_PARTNER'];

function splitList(value: string | undefined): string[] {
	return (value ?? '')
		.split(/[\s,;]+/)
		.map((s) => s.trim())
		.filter(Boolean);
}

function unixSeconds(iso: string): number {
	const ms = Date.parse(iso);
	return Number.isFinite(ms) ? Math.floor(ms / 1000) : 0;
}

function logSkipped(this: IPollFunctions, what: string, skipped: SkippedItem[]): void {
	for (const s of skipped) this.logger.warn(`Yandex Market Trigger: skipped a malformed ${what} (item ${s.index}${s.id ? `, id ${s.id}` : ''}): ${s.reason}`);
}

export class YandexMarketTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Yandex Market Trigger',
		name: 'yandexMarketTrigger',
		icon: { light: 'file:yandexMarket.svg', dark: 'file:yandexMarket.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ {"newReview":"New review","newQuestion":"New question","newChatMessage":"New chat message"}[$parameter["event"]] }}',
		description:
			'Polls Yandex Market for new reviews, questions or chat messages. For Market push notifications use Yandex Market Push Trigger: n8n runs a node as a poller or as a webhook by its type, not by a parameter.',
		defaults: { name: 'Yandex Market Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'yandexMarketApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				default: 'newReview',
				options: [
					{ name: 'New Review', value: 'newReview', description: 'A buyer left a review (goods feedback)' },
					{ name: 'New Question', value: 'newQuestion', description: 'A buyer asked a question about a product' },
					{ name: 'New Chat Message', value: 'newChatMessage', description: 'A buyer wrote in a chat (order, return or direct chat)' },
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
					{ name: 'Include What Is Already Unanswered', value: 'includeExisting', description: 'The first poll emits the unanswered backlog, then only new items' },
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
						description: 'Whether to emit reviews that have stars but no text',
						displayOptions: { show: { '/event': ['newReview'] } },
					},
					{
						displayName: 'Late Arrival Window (Minutes)',
						name: 'lateArrivalMinutes',
						type: 'number',
						default: DEFAULT_WINDOW_MINUTES,
						typeOptions: { minValue: 1 },
						description: 'How far back each poll looks again, so items Market publishes late (after moderation) are not missed',
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
						displayName: 'Offer IDs (SKU)',
						name: 'offerIds',
						type: 'string',
						default: '',
						placeholder: 'BT-F4-200-N, DR-SUM-01',
						description: 'Only items about these seller SKUs (comma-separated). Empty means all products.',
						displayOptions: { show: { '/event': ['newReview', 'newQuestion'] } },
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as YmEvent;
		const onlyUnanswered = this.getNodeParameter('onlyUnanswered', true) as boolean;
		const startFromNow = (this.getNodeParameter('firstRun', 'includeExisting') as string) === 'startFromNow';
		const options = this.getNodeParameter('options', {}) as TriggerOptions;
		const manual = this.getMode() === 'manual';
		const state = this.getWorkflowStaticData('node') as StaticState;
		state.cursors ??= {};
		state.resume ??= {};
		const hadCursor = state.cursors[event] !== undefined;
		try {
			const business = (await ymAccount.call(this)).businessId;
			if (manual) {
				const sample = await fetchSample.call(this, business, event);
				if (!sample) {
					throw new NodeOperationError(this.getNode(), `No ${event === 'newReview' ? 'reviews' : event === 'newQuestion' ? 'questions' : 'chat messages'} found on this Yandex Market business to show as a test event`);
				}
				return [[{ json: sample as unknown as IDataObject }]];
			}
			const interactions =
				event === 'newChatMessage'
					? await pollChats.call(this, business, state, onlyUnanswered, startFromNow, options)
					: await pollList.call(this, business, event, state, onlyUnanswered, startFromNow, options);
			if (!interactions.length) return null;
			return [interactions.map((i) => ({ json: i as unknown as IDataObject }))];
		} catch (error) {
			// The first poll at activation fails loudly (bad key, wrong business); later ones keep the cursor and
			// try again on the next tick, as n8n's own polling triggers do.
			if (manual || !hadCursor) throw asNodeError(this.getNode(), error);
			this.logger.error(`Yandex Market Trigger: poll failed, cursor kept: ${(error as Error).message}`, { event, workflowId: this.getWorkflow().id });
			return null;
		}
	}
}

async function fetchSample(this: IPollFunctions, business: string, event: YmEvent): Promise<Interaction | undefined> {
	if (event === 'newReview') {
		const f = parseFeedbackPage(await ymRequest.call(this, listFeedbacks({ businessId: business, limit: 1 }))).items[0];
		return f ? normaliseFeedback(f) : undefined;
	}
	if (event === 'newQuestion') {
		const q = parseQuestionPage(await ymRequest.call(this, listQuestions({ businessId: business, limit: 1, sort: 'CREATED_AT_DESC' }))).items[0];
		return q ? normaliseQuestion(q, { answered: false }) : undefined;
	}
	const chat = parseChatPage(await ymRequest.call(this, listChats({ businessId: business, limit: 1 }))).items[0];
	if (!chat) return undefined;
	const history = parseHistoryPage(await ymRequest.call(this, chatHistory({ businessId: business, chatId: chat.chatId, limit: 100 })));
	const buyer = history.items.filter((m) => m.sender === 'CUSTOMER').sort((a, b) => b.messageId - a.messageId)[0];
	return buyer ? normaliseChatMessage(chat.chatId, buyer, { chat, context: history.context, answered: false }) : undefined;
}

/** Questions filter by day, not time: the day (UTC) of the window start, one day earlier for Moscow time. */
function dayOf(unix: number): string {
	return new Date((unix - 86_400) * 1000).toISOString().slice(0, 10);
}

async function pollList(
	this: IPollFunctions,
	business: string,
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
	const offerIds = splitList(options.offerIds);
	const offers = offerIds.length ? new Set(offerIds) : undefined;
	const resume = state.resume![event];
	const from = resume ? resume.from : windowQueryStart(cursor, windowSeconds);
	// The first poll without "start from now" emits the unanswered backlog only; answered items count from then on.
	const unansweredOnly = onlyUnanswered || from === undefined;
	// Questions come without answers: a pass with needAnswer=true gives the unanswered ones; answered ones are read
	// in a second pass only when they are wanted too. Reviews carry needReaction, so one pass does.
	const passes: boolean[] = event === 'newQuestion' && !unansweredOnly ? [true, false] : [true];

	const read: Array<WindowItem<Interaction>> = [];
	const handled: Array<{ id: string; createdAt: number }> = [];
	let pages = 0;
	let stoppedAt: { pageToken: string; from?: number; pass: number } | undefined;
	for (let pass = resume?.pass ?? 0; pass < passes.length && !stoppedAt; pass++) {
		let token = resume && pass === resume.pass ? resume.pageToken : undefined;
		for (;;) {
			if (pages >= maxPages) {
				if (token) stoppedAt = { pageToken: token, from, pass };
				break;
			}
			pages++;
			let items: Interaction[];
			let next: string | undefined;
			if (event === 'newReview') {
				const request = listFeedbacks({
					businessId: business,
					pageToken: token,
					limit: 50,
					reactionStatus: unansweredOnly ? 'NEED_REACTION' : 'ALL',
					...(from !== undefined ? { dateTimeFrom: new Date(from * 1000).toISOString() } : {}),
					...(offerIds.length && offerIds.length <= 20 ? { offerIds } : {}),
				});
				const page = parseFeedbackPage(await ymRequest.call(this, request, { what: 'goods feedback' }));
				logSkipped.call(this, 'review', page.skipped);
				next = page.nextPageToken;
				items = [];
				for (const raw of page.items) {
					const interaction = normaliseFeedback(raw);
					if (!options.includeRatingOnly && isRatingOnly(raw)) {
						handled.push({ id: interaction.externalId, createdAt: unixSeconds(interaction.createdAt) });
						continue;
					}
					items.push(interaction);
				}
			} else {
				const needAnswer = passes[pass];
				const request = listQuestions({
					businessId: business,
					pageToken: token,
					limit: 50,
					sort: 'CREATED_AT_ASC',
					needAnswer,
					...(from !== undefined ? { dateFrom: dayOf(from) } : {}),
				});
				const page = parseQuestionPage(await ymRequest.call(this, request, { what: 'goods questions' }));
				logSkipped.call(this, 'question', page.skipped);
				next = page.nextPageToken;
				items = page.items.map((q) => normaliseQuestion(q, { answered: !needAnswer }));
			}
			for (const i of items) {
				const createdAt = unixSeconds(i.createdAt);
				// The day filter reaches before the window; what lies before it was decided by earlier polls.
				if (from !== undefined && createdAt < from) continue;
				read.push({ id: i.externalId, createdAt, item: i });
			}
			if (!next || next === token) break;
			token = next;
		}
	}

	const fresh = selectNew(cursor, read);
	const emitted: Interaction[] = [];
	for (const entry of fresh) {
		handled.push({ id: entry.id, createdAt: entry.createdAt });
		const i = entry.item;
		if (offers && !(i.productId && offers.has(i.productId))) continue;
		if (event === 'newReview' && i.rating !== undefined) {
			if (options.minRating !== undefined && i.rating < options.minRating) continue;
			if (options.maxRating !== undefined && i.rating > options.maxRating) continue;
		}
		if (onlyUnanswered && i.answered) continue;
		emitted.push(i);
	}
	// A poll stopped by its budget keeps the query start (so nothing between is skipped) and the page token.
	state.cursors![event] = advanceWindow(cursor, handled, {
		startedAt,
		complete: !stoppedAt,
		newestReadAt: from,
		windowSeconds,
	});
	state.resume![event] = stoppedAt;
	return emitted;
}

async function pollChats(
	this: IPollFunctions,
	business: string,
	state: StaticState,
	onlyUnanswered: boolean,
	startFromNow: boolean,
	options: TriggerOptions,
): Promise<Interaction[]> {
	const stored = state.cursors!.newChatMessage;
	const cursor = isYmChatCursor(stored) ? stored : newYmChatCursor(startFromNow, Date.now());
	const maxPages = Math.max(1, options.maxPagesPerPoll ?? DEFAULT_MAX_PAGES);
	// Only chats waiting for the seller can hold an unanswered buyer message; a chat where the seller already
	// answered moves to WAITING_FOR_CUSTOMER. With "only unanswered" off every chat is listed.
	const chats: RawChat[] = [];
	let token: string | undefined;
	for (let page = 0; page < maxPages; page++) {
		const parsed = parseChatPage(
			await ymRequest.call(this, listChats({ businessId: business, pageToken: token, limit: 20, ...(onlyUnanswered ? { statuses: WAITING_STATUSES } : {}) }), { what: 'chats' }),
		);
		logSkipped.call(this, 'chat', parsed.skipped);
		chats.push(...parsed.items);
		if (!parsed.nextPageToken || parsed.nextPageToken === token) break;
		token = parsed.nextPageToken;
	}
	const out: Interaction[] = [];
	const updates: Record<string, YmChatMemory> = {};
	for (const chat of chatsToRead(cursor, chats)) {
		const memory = cursor.chats[String(chat.chatId)];
		const messages: RawChatMessage[] = [];
		let context;
		let historyToken: string | undefined;
		for (let page = 0; page < maxPages; page++) {
			const parsed = parseHistoryPage(
				await ymRequest.call(
					this,
					chatHistory({
						businessId: business,
						chatId: chat.chatId,
						pageToken: historyToken,
						limit: 100,
						...(memory?.lastMessageId ? { messageIdFrom: memory.lastMessageId } : {}),
					}),
					{ what: `chat ${chat.chatId}` },
				),
			);
			logSkipped.call(this, 'chat message', parsed.skipped);
			context ??= parsed.context;
			messages.push(...parsed.items);
			if (!parsed.nextPageToken || parsed.nextPageToken === historyToken) break;
			historyToken = parsed.nextPageToken;
		}
		const applied = applyChatHistory(cursor, chat, messages);
		updates[String(chat.chatId)] = applied.memory;
		const ordered = [...new Map(messages.map((m) => [m.messageId, m])).values()].sort((a, b) => a.messageId - b.messageId);
		for (const f of applied.fresh) {
			if (onlyUnanswered && f.answered) continue;
			const history = ordered
				.filter((m) => m.messageId < f.message.messageId)
				.slice(-20)
				.map(historyEntry)
				.filter((h) => h !== undefined);
			out.push(normaliseChatMessage(chat.chatId, f.message, { chat, context, history, answered: f.answered, repeatContact: f.repeatContact }));
		}
	}
	state.cursors!.newChatMessage = withChats(cursor, updates);
	return out.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}
