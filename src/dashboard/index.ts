export * from './charts';
export * from './escape';
export * from './input';
export * from './render';
