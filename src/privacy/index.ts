export { ROLES, isRole, type Role } from './roles.ts';
export { canonicalJson } from './canonical-json.ts';
export { GENESIS_HASH, hashEvent, ChainVerifier, type AuditContent, type AuditEvent, type ChainBreak } from './audit-chain.ts';
