#!/usr/bin/env node
// npm run sandbox -- [--port 8787] [--seed default|empty] [--live 20000] [--faults '{"rate5xx":0.1}'] [--rate-limits]
// Starts the marketplace sandbox, prints the base URL of every host, the tokens and the control URL,
// logs each accepted seller reply (one line), and stops on SIGINT/SIGTERM.
'use strict';

const { createSandbox, TOKENS } = require('./server');

const USAGE =
	'usage: npm run sandbox -- [--port 8787] [--seed default|empty] [--live <intervalMs>] [--faults \'<json>\'] [--rate-limits] [--quiet]';

function parseArgs(argv) {
	const out = { port: 8787, seed: 'default', live: 0, faults: undefined, rateLimits: false, quiet: false };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s, 2);
		const value = () => {
			if (inline !== undefined) return inline;
			if (i + 1 >= argv.length) throw new Error(`${flag} needs a value`);
			return argv[++i];
		};
		switch (flag) {
			case '--port':
				out.port = Number(value());
				if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535) throw new Error('--port must be 0..65535');
				break;
			case '--seed':
				out.seed = value();
				break;
			case '--live':
				out.live = Number(value());
				if (!Number.isFinite(out.live) || out.live < 0) throw new Error('--live must be an interval in ms (0 = off)');
				break;
			case '--faults':
				try {
					out.faults = JSON.parse(value());
				} catch (e) {
					throw new Error(`--faults must be JSON: ${e.message}`);
				}
				break;
			case '--rate-limits':
				out.rateLimits = true;
				break;
			case '--quiet':
				out.quiet = true;
				break;
			case '--help':
			case '-h':
				out.help = true;
				break;
			default:
				throw new Error(`unknown option ${argv[i]}`);
		}
	}
	return out;
}

async function main() {
	let args;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (e) {
		process.stderr.write(`sandbox: ${e.message}\n${USAGE}\n`);
		return 2;
	}
	if (args.help) {
		process.stdout.write(`${USAGE}\n`);
		return 0;
	}
	let sb;
	try {
		sb = createSandbox({
			seed: args.seed,
			faults: args.faults,
			rateLimits: args.rateLimits,
			live: args.live ? { intervalMs: args.live } : undefined,
			log: !args.quiet,
		});
	} catch (e) {
		if (!e.isInputError) throw e;
		process.stderr.write(`sandbox: ${e.message}\n${USAGE}\n`);
		return 2;
	}
	const { url } = await sb.start(args.port);
	const lines = [`AgentIQ marketplace sandbox on ${url} (seed: ${args.seed})`, 'Wildberries base URLs:'];
	for (const [name, base] of Object.entries(sb.baseUrls().wb)) lines.push(`  ${name.padEnd(12)} ${base}   (real: ${sb.marketplaces.wb.hosts[name].real})`);
	lines.push('Tokens (header "Authorization: <token>"):');
	for (const [name, token] of Object.entries(TOKENS)) lines.push(`  ${name.padEnd(12)} ${token}`);
	lines.push(`Control API: ${url}/__control/state  (see tests/sandbox/README.md)`);
	if (args.live) lines.push(`Live traffic: a new buyer item every ${args.live} ms`);
	if (args.faults) lines.push(`Faults: ${JSON.stringify(sb.getFaults())}`);
	if (args.rateLimits) lines.push('Rate limits: on (personal-token limits of the WB spec)');
	process.stdout.write(`${lines.join('\n')}\n`);

	await new Promise((resolve) => {
		const stop = (signal) => {
			process.stdout.write(`sandbox: ${signal}, stopping\n`);
			resolve();
		};
		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);
	});
	await sb.stop();
	return 0;
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(err) => {
		process.stderr.write(`sandbox: ${err.stack || err.message}\n`);
		process.exitCode = 1;
	},
);
