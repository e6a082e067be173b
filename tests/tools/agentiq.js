#!/usr/bin/env node
// Development CLI (kept out of the published package): `npm run --silent agentiq -- <command> [options] < in.jsonl > out.jsonl`.
// Each command lives in tests/tools/commands/<command>.js and exports
//   { describe: string, prepare?(options) -> context, processLine(obj, context) -> obj }
// This file only does the I/O: one JSON object per input line, one per output line, same order.
// A command that needs every line before it can answer (the quality alerts aggregate a whole period) exports
//   processAll(lines, context, emit) instead: `lines` yields { lineNo, obj } for every parsed line, `emit(obj)`
// writes one output line; lines that are not JSON are reported here, as for the other commands.
// A line that cannot be parsed or processed comes back with an `error` field instead of being dropped,
// so a batch never loses an item.
'use strict';
const fs = require('fs');
const path = require('path');
const readline = require('readline');

function parseOptions(argv) {
	const options = { _: [] };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg.startsWith('--')) {
			const [key, inline] = arg.slice(2).split('=', 2);
			if (inline !== undefined) options[key] = inline;
			else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) options[key] = argv[++i];
			else options[key] = true;
		} else options._.push(arg);
	}
	return options;
}

function listCommands() {
	const dir = path.join(__dirname, 'commands');
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.js'))
		.map((f) => f.replace(/\.js$/, ''))
		.sort();
}

async function main() {
	const [command, ...rest] = process.argv.slice(2);
	const commands = listCommands();
	if (!command || command === '--help' || command === 'help') {
		process.stdout.write(`usage: npm run --silent agentiq -- <command> [options] < in.jsonl > out.jsonl\ncommands:\n`);
		for (const c of commands) process.stdout.write(`  ${c}  ${require(`./commands/${c}`).describe || ''}\n`);
		return 0;
	}
	if (!commands.includes(command)) {
		process.stderr.write(`agentiq: unknown command "${command}" (known: ${commands.join(', ')})\n`);
		return 2;
	}
	const distDir = path.join(__dirname, '..', '..', 'dist');
	if (!fs.existsSync(distDir)) {
		process.stderr.write('agentiq: dist/ is missing; run `npm run build` first\n');
		return 2;
	}
	const mod = require(`./commands/${command}`);
	const options = parseOptions(rest);
	const context = mod.prepare ? await mod.prepare(options) : options;
	const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
	let lineNo = 0;
	let out = '';
	const flush = () => {
		if (out) {
			process.stdout.write(out);
			out = '';
		}
	};
	if (mod.processAll) {
		const emit = (obj) => {
			out += JSON.stringify(obj) + '\n';
			if (out.length > 1 << 16) flush();
		};
		async function* parsed() {
			for await (const line of rl) {
				lineNo++;
				if (!line.trim()) continue;
				try {
					yield { lineNo, obj: JSON.parse(line) };
				} catch (e) {
					emit({ line: lineNo, error: `line ${lineNo}: not valid JSON (${e.message})` });
				}
			}
		}
		await mod.processAll(parsed(), context, emit);
		flush();
		return 0;
	}
	for await (const line of rl) {
		lineNo++;
		if (!line.trim()) continue;
		let obj;
		try {
			obj = JSON.parse(line);
		} catch (e) {
			out += JSON.stringify({ line: lineNo, error: `line ${lineNo}: not valid JSON (${e.message})` }) + '\n';
			continue;
		}
		try {
			out += JSON.stringify(await mod.processLine(obj, context)) + '\n';
		} catch (e) {
			out += JSON.stringify({ ...obj, error: `line ${lineNo}: ${e.message}` }) + '\n';
		}
		if (out.length > 1 << 16) flush();
	}
	flush();
	return 0;
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(e) => {
		process.stderr.write(`agentiq: ${e.stack || e}\n`);
		process.exitCode = 2;
	},
);
