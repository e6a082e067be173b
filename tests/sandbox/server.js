'use strict';
// Marketplace sandbox: a local HTTP server that behaves like the real marketplace APIs (paths, auth,
// parameters, bodies, paging, error shapes per host), keeps state, and injects faults on demand.
// One port; each API host is mounted under /<marketplace>/<host> (e.g. /wb/feedbacks), so a client's
// base URL is `${url}/wb/feedbacks` instead of https://feedbacks-api.wildberries.ru.
// The core here is marketplace-neutral; each marketplace is a module (./wb) with the same shape.
//
//   const { createSandbox, TOKENS } = require('./tests/sandbox/server');
//   const sb = createSandbox({ seed: 'default' });
//   const { url } = await sb.start(0);
//   ... fetch(`${url}/wb/feedbacks/api/v1/feedbacks?isAnswered=false&take=10&skip=0`, { headers: { Authorization: TOKENS.all } })
//   await sb.stop();

const http = require('http');
const { EventEmitter } = require('events');
const wb = require('./wb');
const ym = require('./ym');
const ozon = require('./ozon');
const httpu = require('./core/http');
const { FaultInjector, truncateJson } = require('./core/faults');
const { RateLimiter } = require('./core/ratelimit');
const { RequestLog, replyLine } = require('./core/log');
const { createRng } = require('./core/prng');
const { handleControl } = require('./core/control');
const { InputError } = require('./core/input-error');

const MARKETPLACES = { [wb.name]: wb, [ym.name]: ym, [ozon.name]: ozon };
const TOKENS = wb.tokens;
const DEFAULT_EVENTS_PAGE_SIZE = 100;
const DEFAULT_REQUEST_LOG_SIZE = 50000;
const OPTION_NAMES = ['seed', 'now', 'faults', 'rateLimits', 'live', 'log', 'eventsPageSize', 'requestLogSize'];

function positiveInt(value, name) {
	if (!Number.isInteger(value) || value < 1) throw new InputError(`${name} must be a positive integer (got ${JSON.stringify(value)})`);
	return value;
}

function liveInterval(input) {
	if (input == null || input === false) return 0;
	const ms = typeof input === 'number' ? input : input.intervalMs;
	if (ms == null || ms === 0) return 0;
	if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 10) {
		throw new InputError(`live.intervalMs must be a number of milliseconds >= 10, or 0 to stop (got ${JSON.stringify(ms)})`);
	}
	return ms;
}

/** Finds the route for a method and path; { route, params } or { allowed: false } when only the method differs. */
function matchRoute(routes, method, path) {
	let pathKnown = false;
	for (const route of routes) {
		let params = null;
		if (typeof route.path === 'string') {
			if (route.path === path) params = {};
		} else {
			const m = route.path.exec(path);
			if (m) params = { ...(m.groups || {}) };
		}
		if (!params) continue;
		pathKnown = true;
		if (route.method === method) return { route, params };
	}
	return { route: null, allowed: !pathKnown };
}

class Sandbox extends EventEmitter {
	constructor(options = {}) {
		super();
		if (typeof options !== 'object' || options === null) throw new InputError('createSandbox options must be an object');
		for (const key of Object.keys(options)) {
			if (!OPTION_NAMES.includes(key)) throw new InputError(`createSandbox: unknown option ${key} (known: ${OPTION_NAMES.join(', ')})`);
		}
		if (options.now !== undefined && typeof options.now !== 'function') throw new InputError('now must be a function returning ms');
		if (options.log !== undefined && typeof options.log !== 'boolean' && typeof options.log !== 'function') {
			throw new InputError('log must be true, false or a function(line)');
		}
		const clock = options.now;
		this.now = clock ? () => Number(clock()) : () => Date.now();
		this.marketplaces = MARKETPLACES;
		this.log = options.log === true ? (line) => process.stdout.write(`${line}\n`) : options.log || null;
		this.eventsPageSize = options.eventsPageSize === undefined ? DEFAULT_EVENTS_PAGE_SIZE : positiveInt(options.eventsPageSize, 'eventsPageSize');
		const logSize = options.requestLogSize === undefined ? DEFAULT_REQUEST_LOG_SIZE : positiveInt(options.requestLogSize, 'requestLogSize');

		this.state = { seed: null, startedAt: null, replies: [], requests: [] };
		this.requestLog = new RequestLog(this.state.requests, logSize);

		const knownHosts = [];
		const defaultHosts = [];
		const limits = {};
		for (const mod of Object.values(MARKETPLACES)) {
			knownHosts.push(mod.name);
			for (const [name, host] of Object.entries(mod.hosts)) {
				knownHosts.push(name, `${mod.name}/${name}`);
				if (!host.public) defaultHosts.push(`${mod.name}/${name}`);
			}
			for (const [category, limit] of Object.entries(mod.rateLimits)) limits[`${mod.name}/${category}`] = limit;
		}
		this.faults = new FaultInjector(knownHosts, defaultHosts);
		if (options.faults !== undefined) this.faults.set(options.faults);
		this.rateLimitsEnabled = Boolean(options.rateLimits);
		this.limiter = new RateLimiter(limits, this.now);
		this.liveIntervalMs = liveInterval(options.live);
		this.liveTimer = null;
		this.server = null;
		this.url = null;
		this.port = null;
		this.contexts = {};
		this.reset(options.seed === undefined ? 'default' : options.seed);
	}

	/** What modules see: the clock, the runtime PRNG and their own part of the state (sbx.wb). */
	moduleContext(name) {
		if (!this.contexts[name]) {
			const self = this;
			const ctx = { now: this.now };
			Object.defineProperty(ctx, 'rng', { get: () => self.rng });
			Object.defineProperty(ctx, name, { get: () => self.state[name] });
			this.contexts[name] = ctx;
		}
		return this.contexts[name];
	}

	reset(input = 'default') {
		const seedName = typeof input === 'object' && input !== null ? input.seed || 'default' : input;
		const mod = Object.values(MARKETPLACES)[0];
		if (!mod.seeds.includes(seedName)) throw new InputError(`seed must be one of ${mod.seeds.join(', ')} (got ${JSON.stringify(seedName)})`);
		const now = this.now();
		this.state.seed = seedName;
		this.state.startedAt = now;
		for (const m of Object.values(MARKETPLACES)) this.state[m.name] = m.createState(seedName, now);
		this.state.replies.length = 0;
		this.requestLog.clear();
		this.limiter.reset();
		this.rng = createRng(`runtime:${seedName}`);
		return this.summary();
	}

	setFaults(config) {
		return this.faults.set(config || {});
	}

	getFaults() {
		return this.faults.describe();
	}

	// ---- buyer activity (also under /__control/wb/...) ----
	addFeedback(input) {
		return wb.methods.addFeedback(this.moduleContext('wb'), input);
	}

	addQuestion(input) {
		return wb.methods.addQuestion(this.moduleContext('wb'), input);
	}

	addChatMessage(input) {
		return wb.methods.addChatMessage(this.moduleContext('wb'), input);
	}

	// ---- live traffic ----
	setLive(input) {
		this.liveIntervalMs = liveInterval(input);
		this.restartLive();
		return this.liveStatus();
	}

	liveStatus() {
		return { intervalMs: this.liveIntervalMs, running: Boolean(this.liveTimer) };
	}

	restartLive() {
		if (this.liveTimer) clearInterval(this.liveTimer);
		this.liveTimer = null;
		if (!this.liveIntervalMs || !this.server) return;
		this.liveTimer = setInterval(() => this.liveTick(), this.liveIntervalMs);
		this.liveTimer.unref();
	}

	liveTick() {
		for (const mod of Object.values(MARKETPLACES)) {
			const line = mod.liveStep(this.moduleContext(mod.name));
			this.emit('live', { marketplace: mod.name, line });
			if (this.log) this.log(`[sandbox] live ${mod.name}: ${line}`);
		}
	}

	// ---- replies ----
	recordReply(marketplace, token, kind, targetId, text, extra = {}) {
		const reply = { kind, targetId, text, at: this.now(), token, marketplace, ...extra };
		this.state.replies.push(reply);
		this.emit('reply', reply);
		if (this.log) this.log(replyLine(reply));
		return reply;
	}

	summary() {
		const counts = {};
		for (const mod of Object.values(MARKETPLACES)) counts[mod.name] = mod.counts(this.state[mod.name], this.now());
		return {
			seed: this.state.seed,
			startedAt: this.state.startedAt,
			now: this.now(),
			url: this.url,
			counts,
			replies: this.state.replies,
			requests: this.requestLog.summary(),
			faults: this.getFaults(),
			rateLimits: this.rateLimitsEnabled,
			live: this.liveStatus(),
		};
	}

	/** Base URL of every host, e.g. { wb: { feedbacks: 'http://127.0.0.1:8787/wb/feedbacks', … } }. */
	baseUrls() {
		const out = {};
		for (const mod of Object.values(MARKETPLACES)) {
			out[mod.name] = {};
			for (const name of Object.keys(mod.hosts)) out[mod.name][name] = `${this.url}/${mod.name}/${name}`;
		}
		return out;
	}

	// ---- HTTP ----
	async start(port = 0) {
		if (this.server) throw new Error('sandbox already started');
		const server = http.createServer((req, res) => {
			this.handle(req, res).catch((err) => {
				if (!res.headersSent) httpu.send(res, httpu.text(500, `sandbox error: ${err.message}`));
				else res.destroy();
			});
		});
		await new Promise((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, '127.0.0.1', () => {
				server.off('error', reject);
				resolve();
			});
		});
		this.server = server;
		this.port = server.address().port;
		this.url = `http://127.0.0.1:${this.port}`;
		this.restartLive();
		return { url: this.url, port: this.port };
	}

	async stop() {
		if (this.liveTimer) clearInterval(this.liveTimer);
		this.liveTimer = null;
		const server = this.server;
		if (!server) return;
		this.server = null;
		await new Promise((resolve) => {
			server.close(() => resolve());
			if (server.closeAllConnections) server.closeAllConnections();
		});
	}

	async handle(req, res) {
		const startedMs = Date.now();
		const url = new URL(req.url, 'http://sandbox.local');
		let body;
		try {
			body = await httpu.readBody(req);
		} catch (e) {
			if (e instanceof httpu.BodyTooLargeError) return httpu.send(res, httpu.text(413, 'Request Entity Too Large'));
			throw e;
		}
		const pathname = url.pathname;
		if (pathname === '/__control' || pathname.startsWith('/__control/')) {
			return httpu.send(res, await handleControl(this, req.method, pathname.slice('/__control'.length) || '/', url.searchParams, body));
		}

		const m = /^\/([^/]+)\/([^/]+)(\/.*)?$/.exec(pathname);
		const mod = m && Object.prototype.hasOwnProperty.call(MARKETPLACES, m[1]) ? MARKETPLACES[m[1]] : null;
		const hostDef = mod && Object.prototype.hasOwnProperty.call(mod.hosts, m[2]) ? mod.hosts[m[2]] : null;
		if (!hostDef) return httpu.send(res, httpu.text(404, '404 page not found'));
		const hostName = m[2];
		const path = m[3] || '/';
		const query = httpu.queryObject(url.searchParams);
		const request = { marketplace: mod.name, host: hostName, method: req.method, path };
		const ctx = {
			[mod.name]: this.state[mod.name],
			now: this.now,
			rng: this.rng,
			method: req.method,
			path,
			query,
			headers: req.headers,
			body,
			params: {},
			token: null,
			duplicate: 0,
			eventsPageSize: this.eventsPageSize,
			baseUrl: `http://${req.headers.host || `127.0.0.1:${this.port}`}`,
			recordReply: (kind, targetId, text, extra) => this.recordReply(mod.name, ctx.token, kind, targetId, text, extra),
		};

		let response = null;
		let fault = null;
		let error = null;
		const limitKey = hostDef.category ? `${mod.name}/${hostDef.category}` : null;
		try {
			if (!hostDef.public) {
				const auth = mod.authenticate(ctx, hostName);
				ctx.token = auth.token;
				response = auth.response || null;
			}
			let rateHeaders = null;
			if (!response && this.rateLimitsEnabled && limitKey) {
				const r = this.limiter.take(ctx.token, limitKey);
				if (!r.ok) {
					response = mod.tooManyRequests(this.now(), r);
					fault = 'ratelimit';
				} else {
					rateHeaders = { 'X-Ratelimit-Remaining': String(r.remaining), 'X-Ratelimit-Limit': String(r.limit) };
				}
			}
			let malformed = false;
			if (!response) {
				const decision = this.faults.decide(request);
				if (decision.type !== 'none') fault = decision.type === '5xx' ? String(decision.status) : decision.type;
				if (decision.type === '429') {
					const burst = limitKey ? this.limiter.limits[limitKey].burst : 0;
					response = mod.tooManyRequests(this.now(), {
						retryAfterSeconds: decision.retryAfterSeconds,
						limit: burst,
						resetSeconds: decision.retryAfterSeconds,
					});
				} else if (decision.type === '5xx') {
					response = mod.serverError(this.now(), hostName, decision.status);
				} else if (decision.type === 'slow') {
					await new Promise((resolve) => setTimeout(resolve, decision.ms));
				} else if (decision.type === 'malformed') {
					malformed = true;
				}
			}
			if (!response) {
				const found = matchRoute(hostDef.routes, req.method, path);
				if (!found.route) {
					response = found.allowed ? mod.notFound(hostName) : mod.methodNotAllowed(hostName);
				} else {
					ctx.params = found.params;
					ctx.duplicate = this.faults.duplicateCount(request);
					response = await found.route.handler(ctx);
					// A garbled receipt: the request was processed (a write is applied, as when a connection drops
					// after the server answered), only the body the client gets is cut short.
					if (malformed && response.status >= 200 && response.status < 300) {
						const payload = httpu.payloadOf(response).toString('utf8') || '{"data":null,"error":false,"errorText":"","additionalErrors":null}';
						response = { status: 200, raw: truncateJson(payload), contentType: response.contentType || httpu.JSON_TYPE };
					}
				}
			}
			if (rateHeaders && response.status < 400) response.headers = { ...(response.headers || {}), ...rateHeaders };
		} catch (e) {
			error = e;
			response = mod.serverError(this.now(), hostName, 500);
			if (this.log) this.log(`[sandbox] handler error on ${req.method} ${pathname}: ${e.stack || e.message}`);
		}
		if (this.rateLimitsEnabled && limitKey && ctx.token && fault !== 'ratelimit') this.limiter.charge(ctx.token, limitKey, response.status);
		httpu.send(res, response);
		const record = {
			method: req.method,
			marketplace: mod.name,
			host: hostName,
			path,
			query,
			status: response.status,
			at: this.now(),
			token: ctx.token,
			ms: Date.now() - startedMs,
		};
		if (fault) record.fault = fault;
		if (error) record.error = error.message;
		this.requestLog.push(record);
		this.emit('request', record);
	}
}

function createSandbox(options) {
	return new Sandbox(options);
}

module.exports = { createSandbox, Sandbox, TOKENS, MARKETPLACES };
