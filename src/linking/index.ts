export { LINK_COLUMNS, LinkRecordError, linkRow, readLinkRecord, type LinkColumn, type LinkRecord } from './record';
export { decideLink, decideLinks, sameOrderNumber, LINK_OUTCOMES, type LinkDecision, type LinkMessage, type LinkOutcome } from './decide';
export { readFetchedOrder, type LinkedOrder } from './fetched-order';
export { attachOrder, storedOrder, type AttachResult } from './attach';
export { linkedOrderReply, type LinkedOrderReply, type LinkedOrderReplyInput } from './linked-order-reply';
export {
	BuyerReviewsInputError,
	DEFAULT_MIN_CONFIDENCE,
	DEFAULT_WINDOW_DAYS,
	matchBuyerReviews,
	scoreReview,
	type MatchBasis,
	type MatchOptions,
	type ReviewMatch,
} from './buyer-reviews';
