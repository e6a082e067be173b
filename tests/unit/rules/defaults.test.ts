// Each default rule on realistic items: WB payloads from the spec fixtures through the WB normalisers, with the
// classification given explicitly (these tests are about the rules, not the classifier).

import slaJson from '../../../rules/sla.json';
import routingJson from '../../../rules/routing.json';
import {
	applyRouting,
	applySla,
	buildFacts,
	DEFAULT_ROUTING_RULES,
	DEFAULT_ROUTING_RULES_JSON,
	DEFAULT_SLA_RULES,
	DEFAULT_SLA_RULES_JSON,
	evaluateRules,
	validateRoutingRules,
	validateSlaRules,
	type FactsClassification,
	type FactsInteraction,
	type FactsOptions,
} from '../../../src/rules';
import { parseCard } from '../../../src/wb/parse';
import {
	normaliseChatEvent,
	normaliseFeedback,
	normaliseQuestion,
	parseChatEvents,
	parseFeedback,
	parseQuestion,
} from '../../../src/wb/normalise';
import { cardBody, chatEventsBody, complaintFeedback, feedback, feedbacksEnvelope, newQuestion, ratingOnlyFeedback } from '../wb/fixtures';

function classified(overrides: Partial<FactsClassification> & { churnRisk?: boolean; repeatContact?: number } = {}): FactsClassification {
	const { churnRisk = false, repeatContact = 1, ...rest } = overrides;
	return {
		intent: 'other',
		emotion: 'neutral',
		sentiment: 'neutral',
		confidence: 0.85,
		signals: { churnRisk, orderNumber: null, repeatContact },
		...rest,
	};
}

function review(body: Record<string, unknown>): FactsInteraction {
	return normaliseFeedback(parseFeedback(feedbacksEnvelope(body)));
}

function complaint(rating: number, overrides: Record<string, unknown> = {}): FactsInteraction {
	return review({ ...complaintFeedback(), productValuation: rating, ...overrides });
}

function sizeQuestion(withCard: boolean): FactsInteraction {
	const question = normaliseQuestion(parseQuestion(feedbacksEnvelope(newQuestion())));
	return withCard ? { ...question, product: parseCard(cardBody()) } : question;
}

/** "Пришёл не тот цвет. Можно вернуть и заказать другой товар?" from the WB chat spec example. */
function wrongColourChat(): FactsInteraction {
	const chat = normaliseChatEvent(parseChatEvents(chatEventsBody()).events[1]);
	if (chat === null) throw new Error('fixture chat event is not a buyer message');
	return chat;
}

function chatWithHistory(text: string, buyerMessagesBefore: number): FactsInteraction {
	const history: NonNullable<FactsInteraction['history']> = [{ from: 'seller', text: 'Здравствуйте!', at: '2024-05-01T06:00:00Z' }];
	for (let i = 0; i < buyerMessagesBefore; i++) history.push({ from: 'buyer', text: 'Где мой заказ?', at: `2024-05-01T06:1${i}:00Z` });
	return { ...wrongColourChat(), text, history };
}

/** Decides one hour after the item was written; working hours are round the clock unless `options` say otherwise. */
function decide(interaction: FactsInteraction, classification: FactsClassification, now?: Date, options?: Partial<FactsOptions>) {
	const created = Date.parse(interaction.createdAt);
	const at = now ?? new Date(created + 60 * 60_000);
	const facts = buildFacts(interaction, classification, at, options ?? { workingHours: { days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' } });
	const sla = applySla(evaluateRules(DEFAULT_SLA_RULES, facts).events, interaction.createdAt);
	const routing = applyRouting(evaluateRules(DEFAULT_ROUTING_RULES, facts).events);
	return { sla, routing };
}

describe('default rules as shipped', () => {
	it('are the JSON files, valid, and given to the node as formatted JSON text', () => {
		expect(JSON.parse(DEFAULT_SLA_RULES_JSON)).toEqual(slaJson);
		expect(JSON.parse(DEFAULT_ROUTING_RULES_JSON)).toEqual(routingJson);
		expect(validateSlaRules(DEFAULT_SLA_RULES_JSON).rules).toEqual(DEFAULT_SLA_RULES.rules);
		expect(validateRoutingRules(DEFAULT_ROUTING_RULES_JSON).rules).toEqual(DEFAULT_ROUTING_RULES.rules);
		for (const rule of [...DEFAULT_SLA_RULES.rules, ...DEFAULT_ROUTING_RULES.rules]) expect(rule.description).toBeTruthy();
		for (const rule of DEFAULT_SLA_RULES.rules) expect(rule.event.params?.reason).toBeTruthy();
	});
});

describe('default SLA rules', () => {
	it('already-answered: a 5★ review WB shows as answered is low priority', () => {
		const { sla } = decide(review(feedback()), classified({ intent: 'thanks', emotion: 'happy', sentiment: 'positive' }));
		expect(sla).toMatchObject({ priority: 'low', slaMinutes: 1440, rule: 'already-answered' });
	});

	it('defect-or-wrong-item: a torn coffee filter is critical within 30 min, before the 1★ rule', () => {
		const item = complaint(1);
		const { sla } = decide(item, classified({ intent: 'defect_not_working', sentiment: 'negative' }));
		expect(sla).toEqual({
			priority: 'critical',
			slaMinutes: 30,
			dueAt: '2026-08-17T18:35:11.000Z',
			rule: 'defect-or-wrong-item',
			reason: 'Defect or wrong item: answer within 30 min',
		});
		expect(item.createdAt).toBe('2026-08-17T18:05:11.000Z');
	});

	it('pre-purchase-question: a size question on the card is answered within 15 min', () => {
		expect(decide(sizeQuestion(false), classified({ intent: 'sizing_fit' })).sla).toMatchObject({ priority: 'high', slaMinutes: 15, rule: 'pre-purchase-question' });
		for (const intent of ['pre_purchase', 'availability', 'compatibility', 'product_spec'] as const) {
			expect(decide(sizeQuestion(false), classified({ intent })).sla.rule).toBe('pre-purchase-question');
		}
		// usage questions are not pre-purchase
		expect(decide(sizeQuestion(false), classified({ intent: 'usage_howto' })).sla).toMatchObject({ priority: 'normal', slaMinutes: 1440, rule: null });
	});

	it('low-rating-review: a 2★ quality complaint is critical within 1 h', () => {
		const { sla } = decide(complaint(2), classified({ intent: 'quality_complaint', sentiment: 'negative' }));
		expect(sla).toMatchObject({ priority: 'critical', slaMinutes: 60, rule: 'low-rating-review' });
	});

	it('angry-or-repeated: a third unanswered chat message, or an angry buyer, within 1 h', () => {
		expect(decide(chatWithHistory('Ответьте уже', 2), classified({ intent: 'delivery_status', repeatContact: 3 })).sla).toMatchObject({
			priority: 'critical',
			slaMinutes: 60,
			rule: 'angry-or-repeated',
		});
		expect(decide(chatWithHistory('Где заказ?!', 0), classified({ intent: 'delivery_status', emotion: 'angry' })).sla.rule).toBe('angry-or-repeated');
	});

	it('three-star-review: a 3★ review within 4 h', () => {
		expect(decide(complaint(3), classified({ intent: 'usage_howto' })).sla).toMatchObject({ priority: 'high', slaMinutes: 240, rule: 'three-star-review' });
	});

	it('problem-or-remedy: late delivery, returns and cancellations within 4 h', () => {
		for (const intent of ['quality_complaint', 'delivery_delay', 'refund_exchange', 'cancel_request'] as const) {
			expect(decide(chatWithHistory('...', 0), classified({ intent })).sla).toMatchObject({ priority: 'high', slaMinutes: 240, rule: 'problem-or-remedy' });
		}
	});

	it('churn-risk-or-negative: "больше не куплю" on a 4★ review within 4 h', () => {
		const { sla } = decide(complaint(4), classified({ intent: 'other', churnRisk: true }));
		expect(sla).toMatchObject({ priority: 'high', slaMinutes: 240, rule: 'churn-risk-or-negative' });
	});

	it('praise: thanks last, within 24 h; anything else normal within 24 h', () => {
		const thanks = review({ ...feedback(), answer: null, state: 'none' });
		expect(decide(thanks, classified({ intent: 'thanks', sentiment: 'positive' })).sla).toMatchObject({ priority: 'low', slaMinutes: 1440, rule: 'praise' });
		expect(decide(sizeQuestion(false), classified({ intent: 'delivery_status' })).sla).toMatchObject({ priority: 'normal', slaMinutes: 1440, rule: null, reason: null });
	});
});

describe('default routing rules', () => {
	it('escalate-defect-with-anger-churn-or-repeat: wrong colour with churn risk goes to a manager', () => {
		const routing = decide(wrongColourChat(), classified({ intent: 'wrong_item', churnRisk: true })).routing;
		expect(routing).toEqual({
			route: 'escalate',
			tags: ['escalated', 'problem', 'churn_risk'],
			rule: 'escalate-defect-with-anger-churn-or-repeat',
			reason: 'Defect or wrong item with anger, churn risk or repeated messages',
		});
		expect(decide(complaint(1), classified({ intent: 'defect_not_working', emotion: 'angry' })).routing.route).toBe('escalate');
		expect(decide(chatWithHistory('Брак!', 2), classified({ intent: 'defect_not_working', repeatContact: 3 })).routing.route).toBe('escalate');
		// a calm defect report is a draft for approval
		expect(decide(complaint(1), classified({ intent: 'defect_not_working', sentiment: 'negative' })).routing).toMatchObject({
			route: 'draft_for_approval',
			rule: 'approve-negative-review',
			tags: ['negative_review', 'problem'],
		});
	});

	it('escalate-angry-repeated-chat: an angry chat on the third message', () => {
		const item = chatWithHistory('СКОЛЬКО МОЖНО ЖДАТЬ', 2);
		expect(decide(item, classified({ intent: 'delivery_delay', emotion: 'angry', repeatContact: 3 })).routing).toMatchObject({
			route: 'escalate',
			rule: 'escalate-angry-repeated-chat',
			tags: ['escalated', 'problem', 'repeat_contact'],
		});
		expect(decide(item, classified({ intent: 'delivery_delay', emotion: 'angry', repeatContact: 2 })).routing.route).toBe('draft_for_approval');
	});

	it('ignore-answered: a review WB shows as answered', () => {
		expect(decide(review(feedback()), classified({ intent: 'thanks', sentiment: 'positive' })).routing).toMatchObject({ route: 'ignore', rule: 'ignore-answered' });
	});

	it('ignore-empty: stars only on 4★, but a person sees a 2★ without text', () => {
		const ratingOnly = review(ratingOnlyFeedback());
		expect(ratingOnly.text).toBe('');
		expect(decide(ratingOnly, classified()).routing).toMatchObject({ route: 'ignore', tags: ['empty'], rule: 'ignore-empty' });
		const twoStars = review({ ...ratingOnlyFeedback(), productValuation: 2 });
		expect(decide(twoStars, classified()).routing).toMatchObject({ route: 'draft_for_approval', rule: 'approve-negative-review' });
	});

	it('ignore-spam: a link and no intent on a public card, but not in a private chat', () => {
		const spam = { ...sizeQuestion(false), text: 'Скидки до 90% только у нас t.me/skidki_tut' };
		expect(decide(spam, classified()).routing).toMatchObject({ route: 'ignore', tags: ['spam'], rule: 'ignore-spam' });
		expect(decide({ ...wrongColourChat(), text: spam.text }, classified()).routing.route).toBe('draft_for_approval');
		expect(decide(spam, classified({ intent: 'compatibility' })).routing.route).toBe('draft_for_approval');
	});

	it('approve-return-or-cancel and approve-problem', () => {
		expect(decide(chatWithHistory('Как оформить возврат?', 0), classified({ intent: 'refund_exchange' })).routing).toMatchObject({
			route: 'draft_for_approval',
			rule: 'approve-return-or-cancel',
			tags: ['return_or_cancel'],
		});
		expect(decide(chatWithHistory('Заказ неделю стоит', 0), classified({ intent: 'delivery_delay', emotion: 'frustrated' })).routing).toMatchObject({
			route: 'draft_for_approval',
			rule: 'approve-problem',
		});
	});

	it('auto-thanks-review: thanks on 4–5★ is sent; low confidence, 3★ or frustration are not', () => {
		const thanks = review({ ...feedback(), answer: null, state: 'none' });
		const happy = classified({ intent: 'thanks', emotion: 'happy', sentiment: 'positive', confidence: 0.88 });
		expect(decide(thanks, happy).routing).toEqual({ route: 'auto_reply', tags: ['auto_thanks'], rule: 'auto-thanks-review', reason: 'Thanks on a 4–5★ review' });
		expect(decide(thanks, { ...happy, confidence: 0.35 }).routing).toMatchObject({ route: 'draft_for_approval', rule: null });
		expect(decide(thanks, { ...happy, emotion: 'frustrated' }).routing.route).toBe('draft_for_approval');
		expect(decide(review({ ...feedback(), answer: null, state: 'none', productValuation: 3 }), happy).routing.rule).toBe('approve-negative-review');
		// a review imported without stars is never sent automatically
		expect(decide(review({ ...feedback(), answer: null, state: 'none', productValuation: null }), happy).routing.route).toBe('draft_for_approval');
	});

	it('auto-size-question: only when the card has a size table', () => {
		const sizing = classified({ intent: 'sizing_fit', confidence: 0.94 });
		expect(decide(sizeQuestion(true), sizing).routing).toMatchObject({ route: 'auto_reply', rule: 'auto-size-question', tags: ['size_table'] });
		expect(decide(sizeQuestion(false), sizing).routing).toMatchObject({ route: 'draft_for_approval', rule: null });
		expect(decide(sizeQuestion(true), { ...sizing, sentiment: 'negative' }).routing.route).toBe('draft_for_approval');
	});

	it('tag-after-hours: tags items the rules see outside working hours', () => {
		const question = sizeQuestion(true);
		// 2022-02-01 23:30 in Moscow
		const late = decide(question, classified({ intent: 'sizing_fit' }), new Date('2022-02-01T20:30:00Z'), {});
		expect(late.routing).toMatchObject({ route: 'auto_reply', tags: ['size_table', 'after_hours'] });
		const day = decide(question, classified({ intent: 'sizing_fit' }), new Date('2022-02-01T09:00:00Z'), {});
		expect(day.routing.tags).toEqual(['size_table']);
	});
});
