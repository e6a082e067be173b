// The Wildberries part of the shared core, in one import for the nodes.
export * from './hosts';
export * from './validation';
export * from './basket';
export * from './dates';
export {
	listFeedbacks,
	getFeedback,
	answerFeedback,
	editFeedbackAnswer,
	listQuestions,
	getQuestion,
	answerQuestion,
	rejectQuestion,
	markQuestionViewed,
	countUnansweredFeedbacks,
	countUnansweredQuestions,
	newFeedbacksQuestions,
	listChats,
	chatEvents,
	sendChatMessage,
	listFbsOrders,
	fbsOrderStatuses,
	supplierOrders,
	productCard,
	toUnixSeconds,
	type WbRequest,
	type WbMethod,
	type WbSortOrder,
	type ListFeedbacksParams,
	type ListQuestionsParams,
	type ListFbsOrdersParams,
	type SupplierOrdersParams,
} from './requests';
export * from './schemas';
export * from './parse';
export * from './errors';
export {
	feedbackText,
	isRatingOnly,
	realBuyerName,
	normaliseFeedback,
	normaliseQuestion,
	classifyChatEvent,
	chatAttachmentKinds,
	normaliseChatEvent,
	chatReplySigns,
	type NormaliseOptions,
	type ChatEventKind,
	type ChatEventClass,
	type ChatAttachmentKind,
	type WbChatRaw,
} from './normalise';
export * from './orders';
