/** How long a reviewer holds a case they take before another reviewer may decide it. */
export { CLAIM_MINUTES } from '../store/index.ts';
