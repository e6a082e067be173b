export * from './compute';
export * from './input';
export * from './stats';
