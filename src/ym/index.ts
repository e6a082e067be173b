export * from './requests';
export * from './parse';
export * from './normalise';
export * from './errors';
export * from './notification';
export * from './chat-cursor';
export type * from './schemas';
