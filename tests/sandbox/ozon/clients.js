'use strict';
// Sandbox sellers: Client-Id + Api-Key pairs and the subscriptions each has. `premium` has every plan the package
// uses; `reviews` only "Управление отзывами" (review API); `basic` none, so gated methods answer 403.

const CLIENTS = Object.freeze({
	premium: { clientId: '100001', apiKey: 'ozon-sandbox-premium', plans: ['reviews', 'questions', 'premiumChat'] },
	reviews: { clientId: '100002', apiKey: 'ozon-sandbox-reviews', plans: ['reviews'] },
	basic: { clientId: '100003', apiKey: 'ozon-sandbox-basic', plans: [] },
});

const CLIENTS_BY_KEY = Object.fromEntries(Object.values(CLIENTS).map((c) => [c.apiKey, c]));

module.exports = { CLIENTS, CLIENTS_BY_KEY };
