'use strict';
// Deterministic pseudo-random numbers: the seed builder and the fault injector must give the same
// sequence on every run so that a failing test or a benchmark can be replayed exactly.

function mulberry32(seed) {
	let a = seed >>> 0;
	return function next() {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function hashString(text) {
	let h = 2166136261 >>> 0;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 16777619) >>> 0;
	}
	return h;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function createRng(seed) {
	const next = mulberry32(typeof seed === 'string' ? hashString(seed) : Number(seed) || 0);
	const rng = {
		next,
		int(min, max) {
			return min + Math.floor(next() * (max - min + 1));
		},
		chance(p) {
			return next() < p;
		},
		pick(list) {
			return list[Math.floor(next() * list.length)];
		},
		weighted(pairs) {
			const total = pairs.reduce((s, [, w]) => s + w, 0);
			let r = next() * total;
			for (const [value, w] of pairs) {
				r -= w;
				if (r < 0) return value;
			}
			return pairs[pairs.length - 1][0];
		},
		shuffle(list) {
			const out = list.slice();
			for (let i = out.length - 1; i > 0; i--) {
				const j = Math.floor(next() * (i + 1));
				[out[i], out[j]] = [out[j], out[i]];
			}
			return out;
		},
		chars(alphabet, length) {
			let s = '';
			for (let i = 0; i < length; i++) s += alphabet[Math.floor(next() * alphabet.length)];
			return s;
		},
		hex(length) {
			return rng.chars('0123456789abcdef', length);
		},
		digits(length) {
			return String(rng.int(1, 9)) + rng.chars('0123456789', length - 1);
		},
		alnum(length) {
			return rng.chars(ALNUM, length);
		},
		uuid() {
			const h = rng.hex(32);
			const variant = '89ab'[Math.floor(next() * 4)];
			return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
		},
	};
	return rng;
}

module.exports = { createRng, hashString };
