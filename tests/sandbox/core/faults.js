'use strict';
// Fault injection: random (seeded) or scripted failures in front of the marketplace handlers.
// A 429 or 5xx answers instead of the handler, so it never changes state; "slow" only delays a normal
// answer; "malformed" cuts short the body of a successful answer (the request itself was processed).

const { createRng } = require('./prng');
const { InputError } = require('./input-error');

const SCRIPT_TYPES = ['429', '500', '502', '503', '504', 'slow', 'malformed', 'ok'];
const DEFAULTS = { retryAfterSeconds: 1, slowMs: 1500, duplicateCount: 2, seed: 1 };

class FaultConfigError extends InputError {}

function checkRate(cfg, name) {
	const v = cfg[name];
	if (v === undefined) return;
	if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
		throw new FaultConfigError(`faults.${name} must be a number from 0 to 1 (got ${JSON.stringify(v)})`);
	}
}

function checkNonNegative(cfg, name, where = 'faults') {
	const v = cfg[name];
	if (v === undefined) return;
	if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
		throw new FaultConfigError(`${where}.${name} must be a non-negative number (got ${JSON.stringify(v)})`);
	}
}

/** Validates and normalises a fault config; knownHosts lists the host names that `hosts` may use. */
function normaliseConfig(input, knownHosts) {
	const cfg = input == null ? {} : input;
	if (typeof cfg !== 'object' || Array.isArray(cfg)) throw new FaultConfigError('faults must be an object');
	const known = [
		'rate429', 'retryAfterSeconds', 'rate5xx', 'slowRate', 'slowMs', 'duplicatePages', 'duplicateCount',
		'malformedRate', 'hosts', 'script', 'seed',
	];
	for (const key of Object.keys(cfg)) {
		if (!known.includes(key)) throw new FaultConfigError(`faults.${key} is not a known option (known: ${known.join(', ')})`);
	}
	['rate429', 'rate5xx', 'slowRate', 'malformedRate'].forEach((k) => checkRate(cfg, k));
	['retryAfterSeconds', 'slowMs', 'duplicateCount', 'seed'].forEach((k) => checkNonNegative(cfg, k));
	if (cfg.duplicatePages !== undefined && typeof cfg.duplicatePages !== 'boolean') {
		throw new FaultConfigError(`faults.duplicatePages must be true or false (got ${JSON.stringify(cfg.duplicatePages)})`);
	}
	if (cfg.hosts !== undefined) {
		if (!Array.isArray(cfg.hosts)) throw new FaultConfigError('faults.hosts must be an array of host names');
		for (const h of cfg.hosts) {
			if (!knownHosts.includes(h)) {
				throw new FaultConfigError(`faults.hosts: unknown host ${JSON.stringify(h)} (known: ${knownHosts.join(', ')})`);
			}
		}
	}
	const script = [];
	if (cfg.script !== undefined) {
		if (!Array.isArray(cfg.script)) throw new FaultConfigError('faults.script must be an array');
		cfg.script.forEach((entry, i) => {
			const where = `faults.script[${i}]`;
			if (!entry || typeof entry !== 'object') throw new FaultConfigError(`${where} must be an object`);
			const type = String(entry.type);
			if (!SCRIPT_TYPES.includes(type)) {
				throw new FaultConfigError(`${where}.type must be one of ${SCRIPT_TYPES.join(', ')} (got ${JSON.stringify(entry.type)})`);
			}
			checkNonNegative(entry, 'retryAfterSeconds', where);
			checkNonNegative(entry, 'ms', where);
			if (entry.host !== undefined && !knownHosts.includes(entry.host)) {
				throw new FaultConfigError(`${where}.host: unknown host ${JSON.stringify(entry.host)}`);
			}
			if (entry.method !== undefined && typeof entry.method !== 'string') throw new FaultConfigError(`${where}.method must be a string`);
			if (entry.path !== undefined && typeof entry.path !== 'string') throw new FaultConfigError(`${where}.path must be a string`);
			script.push({ ...entry, type });
		});
	}
	return { ...cfg, script };
}

function hostMatches(list, request) {
	return list.includes(request.host) || list.includes(`${request.marketplace}/${request.host}`) || list.includes(request.marketplace);
}

class FaultInjector {
	/**
	 * @param knownHosts host names accepted in `hosts` ("feedbacks", "wb/feedbacks", "wb", …)
	 * @param defaultHosts hosts faults apply to when the config names none (public CDNs are left out)
	 */
	constructor(knownHosts, defaultHosts) {
		this.knownHosts = knownHosts;
		this.defaultHosts = defaultHosts;
		this.set({});
	}

	set(input) {
		const cfg = normaliseConfig(input, this.knownHosts);
		this.config = cfg;
		this.queue = cfg.script.slice();
		this.rng = createRng(cfg.seed !== undefined ? cfg.seed : DEFAULTS.seed);
		return this.describe();
	}

	describe() {
		const { script, ...rest } = this.config;
		return { ...rest, script: this.queue.slice(), scriptConsumed: script.length - this.queue.length };
	}

	applies(request) {
		const list = this.config.hosts || this.defaultHosts;
		return hostMatches(list, request);
	}

	/**
	 * Decides the fault for one request.
	 * @returns {{ type: 'none'|'429'|'5xx'|'slow'|'malformed', status?, retryAfterSeconds?, ms?, scripted? }}
	 */
	decide(request) {
		if (!this.applies(request)) return { type: 'none' };
		const cfg = this.config;
		if (this.queue.length) {
			const head = this.queue[0];
			const matches =
				(!head.host || head.host === request.host) &&
				(!head.method || head.method.toUpperCase() === request.method) &&
				(!head.path || request.path === head.path || request.path.startsWith(head.path.endsWith('/') ? head.path : `${head.path}/`));
			if (matches) {
				this.queue.shift();
				return { ...this.fromType(head), scripted: true };
			}
		}
		if (cfg.rate429 && this.rng.next() < cfg.rate429) return this.fromType({ type: '429' });
		if (cfg.rate5xx && this.rng.next() < cfg.rate5xx) return this.fromType({ type: this.rng.pick(['500', '502', '503']) });
		if (cfg.malformedRate && this.rng.next() < cfg.malformedRate) return { type: 'malformed' };
		if (cfg.slowRate && this.rng.next() < cfg.slowRate) return this.fromType({ type: 'slow' });
		return { type: 'none' };
	}

	fromType(entry) {
		const cfg = this.config;
		switch (entry.type) {
			case '429':
				return {
					type: '429',
					retryAfterSeconds: entry.retryAfterSeconds ?? cfg.retryAfterSeconds ?? DEFAULTS.retryAfterSeconds,
				};
			case '500':
			case '502':
			case '503':
			case '504':
				return { type: '5xx', status: Number(entry.type) };
			case 'slow':
				return { type: 'slow', ms: entry.ms ?? cfg.slowMs ?? DEFAULTS.slowMs };
			case 'malformed':
				return { type: 'malformed' };
			default:
				return { type: 'none' };
		}
	}

	/** How many items of the previous page a list endpoint repeats (0 when duplicatePages is off). */
	duplicateCount(request) {
		if (!this.config.duplicatePages || !this.applies(request)) return 0;
		return this.config.duplicateCount ?? DEFAULTS.duplicateCount;
	}
}

/** Cuts a JSON text so that it no longer parses, as a dropped connection or a broken proxy would. */
function truncateJson(textBody) {
	const s = textBody && textBody.length > 1 ? textBody : '{"data":null}';
	return s.slice(0, Math.max(1, Math.floor(s.length / 2)));
}

module.exports = { FaultInjector, FaultConfigError, normaliseConfig, truncateJson, SCRIPT_TYPES };
