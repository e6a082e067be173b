import type { Intent } from '../../classify/types';
import type { ReplyTemplate } from '../template-types';
import { AVAILABILITY, COMPATIBILITY, PRE_PURCHASE, PRODUCT_SPEC, USAGE } from './questions';
import { CANCEL, DELIVERY_DELAY, DELIVERY_STATUS, REFUND } from './orders';
import { OTHER, THANKS } from './positive';
import { DEFECT, QUALITY, SIZE_ANSWER, SIZING, WRONG_ITEM } from './problems';
import { ASK_ORDER_NUMBER, FIVE_STAR_UPSELL } from './special';

export { GREETINGS } from './shared';

/** One template per intent of the taxonomy; each covers every channel and tone. */
export const INTENT_TEMPLATES: Readonly<Record<Intent, ReplyTemplate>> = {
	defect_not_working: DEFECT,
	wrong_item: WRONG_ITEM,
	quality_complaint: QUALITY,
	sizing_fit: SIZING,
	delivery_delay: DELIVERY_DELAY,
	delivery_status: DELIVERY_STATUS,
	refund_exchange: REFUND,
	cancel_request: CANCEL,
	availability: AVAILABILITY,
	compatibility: COMPATIBILITY,
	product_spec: PRODUCT_SPEC,
	usage_howto: USAGE,
	pre_purchase: PRE_PURCHASE,
	thanks: THANKS,
	other: OTHER,
};

export const SPECIAL_TEMPLATES = {
	askOrderNumber: ASK_ORDER_NUMBER,
	fiveStarUpsell: FIVE_STAR_UPSELL,
	sizeAnswer: SIZE_ANSWER,
} as const;
