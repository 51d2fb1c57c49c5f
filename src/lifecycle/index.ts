export * from './backtest/index.ts';
