import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { type Interaction } from '../../src/interaction';
import { applyChatEvents, isChatCursor, newChatCursor, type ChatCursor } from '../../src/poll/chat-cursor';
import {
	advanceWindow,
	isWindowCursor,
	newWindowCursor,
	selectNew,
	windowQueryStart,
	type WindowCursor,
	type WindowItem,
} from '../../src/poll/window-cursor';
import {
	classifyChatEvent,
	isRatingOnly,
	normaliseChatEvent,
	normaliseFeedback,
	normaliseQuestion,
	parseChatEventsLenient,
	parseFeedbackListLenient,
	parseQuestionListLenient,
} from '../../src/wb/normalise';
import { chatEvents, listFeedbacks, listQuestions } from '../../src/wb/requests';
import { asNodeError } from '../shared/errors';
import { wbRequest } from './transport/request';

type WbEvent = 'newReview' | 'newQuestion' | 'newChatMessage';

interface TriggerOptions {
	minRating?: number;
	maxRating?: number;
	nmIds?: string;
	includeRatingOnly?: boolean;
	lateArrivalMinutes?: number;
	pageSize?: number;
	maxPagesPerPoll?: number;
}

interface StaticState {
	cursors?: Record<string, unknown>;
}

const DEFAULT_WINDOW_MINUTES = 24 * 60;
const DEFAULT_PAGE_SIZE = 1000;
const DEFAULT_MAX_PAGES = 20;

function parseNmIds(value: string | undefined): Set<string> | undefined {
	const ids = (value ?? '')
		.split(/[\s,;]+/)
		.map((s) => s.trim())
		.filter(Boolean);
	return ids.length ? new Set(ids) : undefined;
}

function toUnixSeconds(iso: string): number {
	const ms = Date.parse(iso);
	return Number.isFinite(ms) ? Math.floor(ms / 1000) : 0;
}

export class WildberriesTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wildberries Trigger',
		name: 'wildberriesTrigger',
		icon: { light: 'file:wildberries.svg', dark: 'file:wildberries.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ {"newReview":"New review","newQuestion":"New question","newChatMessage":"New chat message"}[$parameter["event"]] }}',
		description: 'Starts the workflow on new Wildberries buyer reviews, questions or chat messages',
		defaults: { name: 'Wildberries Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wildberriesApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				default: 'newReview',
				options: [
					{ name: 'New Review', value: 'newReview', description: 'A buyer left a review (feedback) on a product' },
					{ name: 'New Question', value: 'newQuestion', description: 'A buyer asked a question on a product card' },
					{ name: 'New Chat Message', value: 'newChatMessage', description: 'A buyer wrote in the buyers chat' },
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
						description: 'The first poll emits every unanswered item (the backlog), then only new ones',
					},
					{
						name: 'Start From Now',
						value: 'startFromNow',
						description: 'Only items created after the workflow is activated are emitted',
					},
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
						description: 'Whether to emit reviews that have stars but no text (WB does not show them on the card, so they rarely need a reply)',
						displayOptions: { show: { '/event': ['newReview'] } },
					},
					{
						displayName: 'Late Arrival Window (Minutes)',
						name: 'lateArrivalMinutes',
						type: 'number',
						default: DEFAULT_WINDOW_MINUTES,
						typeOptions: { minValue: 1 },
						description: 'How far back each poll looks again, so items WB publishes late (after moderation) are not missed',
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
						displayName: 'Page Size',
						name: 'pageSize',
						type: 'number',
						default: DEFAULT_PAGE_SIZE,
						typeOptions: { minValue: 1, maxValue: 5000 },
						displayOptions: { show: { '/event': ['newReview', 'newQuestion'] } },
					},
					{
						displayName: 'Product Articles (nmId)',
						name: 'nmIds',
						type: 'string',
						default: '',
						placeholder: '146972802, 183456210',
						description: 'Only items about these WB articles (comma-separated). Empty means all products.',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as WbEvent;
		const onlyUnanswered = this.getNodeParameter('onlyUnanswered', true) as boolean;
		const firstRun = this.getNodeParameter('firstRun', 'includeExisting') as string;
		const options = this.getNodeParameter('options', {}) as TriggerOptions;
		const manual = this.getMode() === 'manual';
		const state = this.getWorkflowStaticData('node') as StaticState;
		state.cursors ??= {};
		const hadCursor = state.cursors[event] !== undefined;

		try {
			if (manual) {
				const item = await fetchSample.call(this, event, options);
				if (!item) {
					throw new NodeOperationError(
						this.getNode(),
						`No ${event === 'newReview' ? 'reviews' : event === 'newQuestion' ? 'questions' : 'chat messages'} found on this Wildberries account to show as a test event`,
					);
				}
				return [[{ json: item as unknown as IDataObject }]];
			}
			const interactions =
				event === 'newChatMessage'
					? await pollChat.call(this, state, onlyUnanswered, firstRun === 'startFromNow', options)
					: await pollList.call(this, event, state, onlyUnanswered, firstRun === 'startFromNow', options);
			if (!interactions.length) return null;
			return [interactions.map((i) => ({ json: i as unknown as IDataObject }))];
		} catch (error) {
			// The first poll at activation must fail loudly (bad token, wrong URL); later ones keep the cursor and
			// try again on the next tick, as n8n's own polling triggers do.
			if (manual || !hadCursor) throw asNodeError(this.getNode(), error);
			this.logger.error(`Wildberries Trigger: poll failed, cursor kept: ${(error as Error).message}`, {
				event,
				workflowId: this.getWorkflow().id,
			});
			return null;
		}
	}
}

async function fetchSample(this: IPollFunctions, event: WbEvent, options: TriggerOptions): Promise<Interaction | undefined> {
	const nmIds = parseNmIds(options.nmIds);
	const nmId = nmIds?.size === 1 ? Number([...nmIds][0]) : undefined;
	if (event === 'newChatMessage') {
		const page = parseChatEventsLenient(await wbRequest.call(this, chatEvents()));
		const buyer = page.events.filter((e) => classifyChatEvent(e).kind === 'buyerMessage');
		const last = buyer[buyer.length - 1];
		return last ? normaliseChatEvent(last, {}) ?? undefined : undefined;
	}
	for (const isAnswered of [false, true]) {
		if (event === 'newReview') {
			const body = await wbRequest.call(this, listFeedbacks({ isAnswered, take: 1, skip: 0, order: 'dateDesc', nmId }));
			const first = parseFeedbackListLenient(body).feedbacks[0];
			if (first) return normaliseFeedback(first, { isAnswered });
		} else {
			const body = await wbRequest.call(this, listQuestions({ isAnswered, take: 1, skip: 0, order: 'dateDesc', nmId }));
			const first = parseQuestionListLenient(body).questions[0];
			if (first) return normaliseQuestion(first, { isAnswered });
		}
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
	const take = Math.min(5000, Math.max(1, options.pageSize ?? DEFAULT_PAGE_SIZE));
	const maxPages = Math.max(1, options.maxPagesPerPoll ?? DEFAULT_MAX_PAGES);
	const nmIds = parseNmIds(options.nmIds);
	const nmId = nmIds?.size === 1 ? Number([...nmIds][0]) : undefined;
	const dateFrom = windowQueryStart(cursor, windowSeconds);
	// On the very first poll without "start from now" the backlog is what is unanswered; answered items count
	// only from now on.
	const states = onlyUnanswered || dateFrom === undefined ? [false] : [false, true];

	const read: Array<WindowItem<Interaction>> = [];
	const handled: Array<{ id: string; createdAt: number }> = [];
	let complete = true;
	let newestReadAt: number | undefined;
	let pages = 0;
	for (const isAnswered of states) {
		for (let skip = 0; ; skip += take) {
			if (pages >= maxPages || (event === 'newQuestion' && skip + take > 10_000) || skip > 199_990) {
				complete = false;
				break;
			}
			pages++;
			const params = { isAnswered, take, skip, order: 'dateAsc' as const, nmId, dateFrom };
			const body = await wbRequest.call(this, event === 'newReview' ? listFeedbacks(params) : listQuestions(params));
			const page =
				event === 'newReview'
					? (() => {
							const p = parseFeedbackListLenient(body);
							return { raws: p.feedbacks, skipped: p.skipped };
						})()
					: (() => {
							const p = parseQuestionListLenient(body);
							return { raws: p.questions, skipped: p.skipped };
						})();
			for (const s of page.skipped) {
				this.logger.warn(`Wildberries Trigger: skipped a malformed ${event === 'newReview' ? 'review' : 'question'} (item ${s.index}${s.id ? `, id ${s.id}` : ''}): ${s.reason}`);
			}
			for (const raw of page.raws) {
				const interaction =
					event === 'newReview' ? normaliseFeedback(raw as never, { isAnswered }) : normaliseQuestion(raw as never, { isAnswered });
				const createdAt = toUnixSeconds(interaction.createdAt);
				newestReadAt = Math.max(newestReadAt ?? 0, createdAt);
				if (event === 'newReview' && !options.includeRatingOnly && isRatingOnly(raw as never)) {
					this.logger.debug(`Wildberries Trigger: skipped rating-only review ${interaction.externalId}`);
					handled.push({ id: interaction.externalId, createdAt });
					continue;
				}
				read.push({ id: interaction.externalId, createdAt, item: interaction });
			}
			if (page.raws.length + page.skipped.length < take) break;
		}
		if (!complete) break;
	}

	const fresh = selectNew(cursor, read);
	const emitted: Interaction[] = [];
	for (const entry of fresh) {
		handled.push({ id: entry.id, createdAt: entry.createdAt });
		const i = entry.item;
		if (nmIds && !(i.productId && nmIds.has(i.productId))) continue;
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

async function pollChat(
	this: IPollFunctions,
	state: StaticState,
	onlyUnanswered: boolean,
	startFromNow: boolean,
	options: TriggerOptions,
): Promise<Interaction[]> {
	const stored = state.cursors!.newChatMessage;
	let cursor: ChatCursor = isChatCursor(stored) ? stored : newChatCursor(startFromNow, Date.now());
	const maxPages = Math.max(1, options.maxPagesPerPoll ?? DEFAULT_MAX_PAGES);
	const nmIds = parseNmIds(options.nmIds);
	const events = [];
	let next = cursor.next;
	for (let page = 0; page < maxPages; page++) {
		const parsed = parseChatEventsLenient(await wbRequest.call(this, chatEvents(next)));
		for (const s of parsed.skipped) {
			this.logger.warn(`Wildberries Trigger: skipped a malformed chat event (item ${s.index}${s.id ? `, id ${s.id}` : ''}): ${s.reason}`);
		}
		events.push(...parsed.events);
		const advanced = parsed.next !== undefined && (next === undefined || parsed.next > next);
		if (advanced) next = parsed.next;
		if (!parsed.totalEvents || !parsed.events.length || !advanced) break;
	}
	const feed = [];
	for (const e of events) {
		const kind = classifyChatEvent(e);
		if (kind.kind === 'unknown') {
			this.logger.info(`Wildberries Trigger: skipped chat event ${e.eventID ?? '?'}: ${kind.reason ?? 'unknown event type'}`);
		}
		feed.push({ ...e, sender: kind.kind === 'buyerMessage' ? 'client' : kind.kind === 'sellerMessage' ? 'seller' : 'other' });
	}
	const applied = applyChatEvents(cursor, feed, next);
	cursor = applied.cursor;

	const out: Interaction[] = [];
	const historyByChat = new Map<string, Array<{ from: 'buyer' | 'seller'; text: string; at: string }>>();
	for (const m of applied.messages) {
		const interaction = normaliseChatEvent(m.event, { replySign: m.replySign });
		if (!interaction) continue;
		const history = historyByChat.get(m.event.chatID) ?? [];
		const withContext: Interaction = {
			...interaction,
			answered: m.answered,
			history: history.length ? [...history] : interaction.history,
			raw: { ...(interaction.raw as IDataObject), replySign: m.replySign ?? null, repeatContact: m.repeatContact },
		};
		history.push({ from: 'buyer', text: interaction.text, at: interaction.createdAt });
		historyByChat.set(m.event.chatID, history);
		if (nmIds && !(interaction.productId && nmIds.has(interaction.productId))) continue;
		if (onlyUnanswered && m.answered) continue;
		out.push(withContext);
	}
	// Stored only once every message is normalised: a poll that fails half-way must leave the cursor as it was.
	state.cursors!.newChatMessage = cursor;
	return out;
}
