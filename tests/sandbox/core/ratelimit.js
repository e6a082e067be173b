'use strict';
// Token buckets per (token, category), as the marketplaces' gateways enforce them. Each bucket holds
// `burst` requests and refills `ratePerSec`. A cost above 1 models WB's rule that a 4xx answer of the
// marketplace API counts as 10 requests (the bucket may go below zero then).

class RateLimiter {
	/**
	 * @param limits { [category]: { ratePerSec, burst, errorCost? } }
	 * @param now () => ms
	 */
	constructor(limits, now) {
		this.limits = limits;
		this.now = now;
		this.buckets = new Map();
	}

	bucket(token, category) {
		const key = `${token}\u0000${category}`;
		let b = this.buckets.get(key);
		const limit = this.limits[category];
		const t = this.now();
		if (!b) {
			b = { tokens: limit.burst, at: t };
			this.buckets.set(key, b);
		} else if (t > b.at) {
			b.tokens = Math.min(limit.burst, b.tokens + ((t - b.at) / 1000) * limit.ratePerSec);
			b.at = t;
		}
		return { b, limit };
	}

	/**
	 * Takes one request from the bucket.
	 * @returns {{ ok: boolean, limit: number, remaining: number, retryAfterSeconds: number, resetSeconds: number }}
	 */
	take(token, category) {
		if (!this.limits[category]) return { ok: true, limit: 0, remaining: 0, retryAfterSeconds: 0, resetSeconds: 0 };
		const { b, limit } = this.bucket(token, category);
		const resetSeconds = Math.ceil(Math.max(0, limit.burst - b.tokens) / limit.ratePerSec);
		if (b.tokens >= 1) {
			b.tokens -= 1;
			return { ok: true, limit: limit.burst, remaining: Math.floor(b.tokens), retryAfterSeconds: 0, resetSeconds };
		}
		return {
			ok: false,
			limit: limit.burst,
			remaining: 0,
			retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / limit.ratePerSec)),
			resetSeconds: Math.max(1, resetSeconds),
		};
	}

	/** Charges extra requests after the answer is known (e.g. a 4xx on the marketplace API). */
	charge(token, category, status) {
		const limit = this.limits[category];
		if (!limit || !limit.errorCost || status < 400 || status >= 500) return;
		const { b } = this.bucket(token, category);
		b.tokens -= limit.errorCost - 1;
	}

	reset() {
		this.buckets.clear();
	}
}

module.exports = { RateLimiter };
