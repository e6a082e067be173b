'use strict';
// Request log (a bounded ring kept in state.requests) and the one-line form of a recorded reply.

const { utcSeconds } = require('./time');

class RequestLog {
	/** @param target the array to fill (state.requests), kept at about `max` records */
	constructor(target, max) {
		this.records = target;
		this.max = max;
		this.total = 0;
	}

	push(record) {
		const entry = { index: this.total++, ...record };
		this.records.push(entry);
		// Trim in chunks so that a busy benchmark does not pay an O(n) shift per request.
		if (this.records.length > this.max + Math.max(1, Math.floor(this.max / 10))) {
			this.records.splice(0, this.records.length - this.max);
		}
		return entry;
	}

	/** Records with index >= since (the oldest ones may have been dropped from the ring). */
	since(index) {
		const recs = this.records;
		let lo = 0;
		let hi = recs.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (recs[mid].index < index) lo = mid + 1;
			else hi = mid;
		}
		return recs.slice(lo);
	}

	clear() {
		this.records.length = 0;
		this.total = 0;
	}

	summary() {
		const byHost = {};
		const byStatus = {};
		for (const r of this.records) {
			byHost[r.host] = (byHost[r.host] || 0) + 1;
			byStatus[r.status] = (byStatus[r.status] || 0) + 1;
		}
		return { total: this.total, kept: this.records.length, byHost, byStatus };
	}
}

function replyLine(reply) {
	const text = reply.text.length > 100 ? `${reply.text.slice(0, 100)}…` : reply.text;
	const note = reply.applied === false ? ' (unknown id: accepted, nothing changed)' : '';
	return `[sandbox] ${utcSeconds(reply.at)} ${reply.marketplace} ${reply.kind} ${reply.targetId}: ${JSON.stringify(text)}${note}`;
}

module.exports = { RequestLog, replyLine };
