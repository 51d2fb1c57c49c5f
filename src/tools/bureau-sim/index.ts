export { startBureauSim, type BureauSim, type BureauSimOptions, type Billing } from './server.ts';
export { creditFile, isNoHit, type CreditFile } from './credit-file.ts';
export { checkFaults, type FaultConfig } from './faults.ts';
