import type { Channel, Marketplace } from '../interaction';

export interface LengthLimit {
	min: number;
	max: number;
}

// Text limits of each marketplace's reply endpoint (shared/specs; the spec wins over the reference):
// WB feedback answer 2..5000 (09-communications.yaml); WB questions carry no limit in the spec, so the feedback
// limit is used; WB chat message ≤ 1000. Ozon question answer 2..3000 and chat 1..1000 (seller-api); Ozon's review
// comment has no stated limit, so the question answer's is used. Yandex Market feedback comments 1..4096,
// question answers 1..5000, chat messages 1..4096 (partner-api).
export const REPLY_LIMITS: Record<Marketplace, Record<Channel, LengthLimit>> = {
	wb: { review: { min: 2, max: 5000 }, question: { min: 2, max: 5000 }, chat: { min: 1, max: 1000 } },
	ozon: { review: { min: 2, max: 3000 }, question: { min: 2, max: 3000 }, chat: { min: 1, max: 1000 } },
	ym: { review: { min: 1, max: 4096 }, question: { min: 1, max: 5000 }, chat: { min: 1, max: 4096 } },
};
