// The Ozon part of the shared core, in one import for the nodes.
export * from './json';
export * from './validation';
export * from './requests';
export * from './schemas';
export * from './parse';
export * from './normalise';
export * from './errors';
export * from './push';
export * from './chat-poll';
