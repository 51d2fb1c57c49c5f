export { ImpactTally, type ImpactReport, type ReplayedPair, type ImpactSide, type SwapGroup, type PathChange } from './impact-tally.ts';
