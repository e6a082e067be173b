import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { inDateRange, listPasses, nextPage, type ListKind, type ListPass, type PageRequest } from '../../../src/wb/list-pages';
import { normaliseFeedback, normaliseQuestion } from '../../../src/wb/normalise';
import { parseFeedbackListLenient, parseQuestionListLenient } from '../../../src/wb/parse';
import { listArchivedFeedbacks, listFeedbacks, listQuestions, toUnixSeconds } from '../../../src/wb/requests';
import { wbRequest } from '../transport/request';

/** The "Get Many" fields of one resource (review or question). */
export function listFields(resource: ListKind): INodeProperties[] {
	const show = { show: { resource: [resource], operation: ['getMany'] } };
	const noun = resource === 'review' ? 'reviews' : 'questions';
	return [
		{
			displayName: 'Answered',
			name: 'answered',
			type: 'options',
			default: 'all',
			options: [
				{ name: 'All', value: 'all', description: resource === 'review' ? 'Unanswered, answered and archived reviews' : 'Unanswered and answered questions' },
				{ name: 'Answered Only', value: 'answered', description: 'With the seller answer in raw.answer' },
				{ name: 'Unanswered Only', value: 'unanswered', description: `Only ${noun} still in the working list, i.e. the ones that can be answered.` },
			],
			displayOptions: show,
		},
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: show,
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show.show, returnAll: [false] } },
		},
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: show,
			options: [
				{ displayName: 'Created After', name: 'dateFrom', type: 'dateTime', default: '', description: `Only ${noun} written at or after this time` },
				{ displayName: 'Created Before', name: 'dateTo', type: 'dateTime', default: '', description: `Only ${noun} written at or before this time` },
				{ displayName: 'Product nmID', name: 'nmId', type: 'number', default: 0, description: 'Only this product (WB article, nmID)' },
			],
		},
	];
}

function filterParams(this: IExecuteFunctions, i: number): { nmId?: number; dateFrom?: number; dateTo?: number } {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const out: { nmId?: number; dateFrom?: number; dateTo?: number } = {};
	try {
		if (filters.nmId) out.nmId = Number(filters.nmId);
		if (filters.dateFrom) out.dateFrom = toUnixSeconds(filters.dateFrom as string, 'Created After');
		if (filters.dateTo) out.dateTo = toUnixSeconds(filters.dateTo as string, 'Created Before');
	} catch (error) {
		throw new NodeOperationError(this.getNode(), `${(error as Error).message} in item ${i}`, { itemIndex: i });
	}
	return out;
}

interface RawListed {
	id: string;
	createdDate: string;
	answer?: unknown;
}

/** One page of one pass: the items that parsed, and how many the page held (malformed ones are logged, not lost silently). */
async function readPage(
	this: IExecuteFunctions,
	i: number,
	kind: ListKind,
	pass: ListPass,
	page: PageRequest,
	filters: { nmId?: number; dateFrom?: number; dateTo?: number },
): Promise<{ raws: RawListed[]; received: number }> {
	const order = 'dateDesc' as const;
	const request =
		pass.source === 'archive'
			? listArchivedFeedbacks({ take: page.take, skip: page.skip, order, nmId: filters.nmId })
			: kind === 'review'
				? listFeedbacks({ isAnswered: pass.isAnswered, ...page, order, ...filters })
				: listQuestions({ isAnswered: pass.isAnswered, ...page, order, ...filters });
	const body = await wbRequest.call(this, request, { itemIndex: i });
	const parsed = kind === 'review' ? parseFeedbackListLenient(body) : parseQuestionListLenient(body);
	const raws: RawListed[] = 'feedbacks' in parsed ? parsed.feedbacks : parsed.questions;
	for (const s of parsed.skipped) {
		this.logger.warn(`Wildberries: skipped a malformed ${kind} (page item ${s.index}${s.id ? `, id ${s.id}` : ''}): ${s.reason}`);
	}
	return { raws, received: raws.length + parsed.skipped.length };
}

/**
 * Reads reviews or questions page by page (newest first per pass) and returns them as Interactions, each once.
 * WB pages by offset: an item arriving meanwhile shifts older ones a place later, so ids are deduplicated.
 */
export async function listInteractions(this: IExecuteFunctions, i: number, kind: ListKind): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', i, 50) as number);
	const answered = this.getNodeParameter('answered', i, 'all');
	const filters = filterParams.call(this, i);
	let passes: ListPass[];
	try {
		passes = listPasses(kind, answered);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), `${(error as Error).message} in item ${i}`, { itemIndex: i });
	}
	const seen = new Set<string>();
	const out: IDataObject[] = [];
	for (const pass of passes) {
		let previous: { skip: number; take: number; received: number } | null = null;
		for (;;) {
			const page = nextPage(kind, previous, limit - out.length);
			if (!page) break;
			const { raws, received } = await readPage.call(this, i, kind, pass, page, filters);
			let olderThanRange = false;
			for (const raw of raws) {
				if (pass.source === 'archive') {
					// The archive ignores the date range, so it is applied here.
					const createdMs = Date.parse(raw.createdDate);
					if (filters.dateFrom !== undefined && createdMs < filters.dateFrom * 1000) olderThanRange = true;
					if (!inDateRange(createdMs, filters) || (answered === 'answered' && raw.answer == null)) continue;
				}
				if (seen.has(raw.id) || out.length >= limit) continue;
				seen.add(raw.id);
				const options = pass.source === 'list' ? { isAnswered: pass.isAnswered } : {};
				const interaction =
					kind === 'review'
						? normaliseFeedback(raw as Parameters<typeof normaliseFeedback>[0], options)
						: normaliseQuestion(raw as Parameters<typeof normaliseQuestion>[0], options);
				out.push(interaction as unknown as IDataObject);
			}
			// Newest first: once the archive reaches reviews older than the range, later pages are older still.
			if (olderThanRange) break;
			previous = { ...page, received };
		}
	}
	return out;
}
