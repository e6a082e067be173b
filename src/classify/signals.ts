// Signals reported beside the labels (taxonomy.md): churn risk, order number, repeat contact.

import type { HistoryMessage } from './types';

/**
 * Buyer messages since the seller last replied, counting the message being classified: 1 for a first
 * message, 3 for "третий раз пишу" with two unanswered messages before it.
 */
export function countRepeatContact(history: readonly HistoryMessage[] | undefined): number {
	if (!history || history.length === 0) return 1;
	let count = 1;
	for (let i = history.length - 1; i >= 0; i--) {
		if (history[i].from === 'seller') break;
		if (history[i].from === 'buyer') count++;
	}
	return count;
}
