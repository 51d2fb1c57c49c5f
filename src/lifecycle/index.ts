export * from './backtest/index.ts';
export * from './samples/index.ts';
export * from './retrain/index.ts';
export * from './monitoring/index.ts';
export * from './impact/index.ts';
