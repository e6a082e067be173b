// Copies what tsc does not emit: node and credential icons (light and dark), and node codex JSON files.
// gulp 5 re-encodes binary files unless encoding is off.
const { src, dest, parallel } = require('gulp');

function icons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(dest('dist'));
}

function codex() {
	return src(['nodes/**/*.node.json'], { base: '.' }).pipe(dest('dist'));
}

exports.build = parallel(icons, codex);
exports.default = exports.build;
