export * from './aggregator';
export * from './input';
export * from './negative';
export * from './period';
export * from './spike';
export * from './topics';
