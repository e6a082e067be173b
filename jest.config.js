// Three projects: fast unit tests (TypeScript, nock), end-to-end tests against a real n8n and the sandbox, and
// contract tests (connectors and sandbox checked against the official specs with Prism).
module.exports = {
	projects: [
		{
			displayName: 'unit',
			preset: 'ts-jest',
			testEnvironment: 'node',
			roots: ['<rootDir>/tests'],
			testMatch: ['<rootDir>/tests/unit/**/*.test.ts', '<rootDir>/tests/unit/**/*.test.js', '<rootDir>/tests/sandbox/**/*.test.js'],
		},
		{
			displayName: 'e2e',
			testEnvironment: 'node',
			roots: ['<rootDir>/tests'],
			testMatch: ['<rootDir>/tests/e2e/**/*.test.js'],
		},
		{
			displayName: 'contract',
			testEnvironment: 'node',
			roots: ['<rootDir>/tests'],
			testMatch: ['<rootDir>/tests/contract/**/*.test.js'],
		},
	],
};
