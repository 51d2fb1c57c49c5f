export { ROLES, isRole, type Role } from './roles.ts';
export { canonicalJson } from './canonical-json.ts';
export { requestDigest } from './request-digest.ts';
export {
  GENESIS_HASH,
  hashEvent,
  hashedAroundSeq,
  hashAlgorithmOf,
  ChainVerifier,
  useAuditHash,
  auditHash,
  auditHashFromEnv,
  AUDIT_HASHES,
  SM3_PREFIX,
  type AuditHash,
  type AuditContent,
  type AuditEvent,
  type ChainBreak,
} from './audit-chain.ts';
export {
  seal,
  open,
  sealJson,
  openJson,
  newDataKey,
  DecryptionError,
  useSealingAlgorithm,
  sealingFromEnv,
  sealingAlgorithm,
  SEALING_ALGORITHMS,
  type SealingAlgorithm,
} from './envelope.ts';
export {
  LocalKeyProvider,
  loadKeyProvider,
  saveKeyFile,
  blindIndex,
  testKeyProvider,
  ephemeralKeyProvider,
  KeyConfigError,
  type KeyProvider,
} from './key-provider.ts';
export { maskValue, maskFor, MASKS, type MaskKind } from './masking.ts';
export {
  ApplicationVault,
  maskApplication,
  maskTrace,
  protectOutput,
  SEALED_OFFER,
  aad,
  DROPPED,
  type FieldPolicy,
  type SealedApplication,
  type DataClass,
} from './application-vault.ts';
export { ReloadingKeyProvider } from './reloading-key-provider.ts';
export { registerPersonalFields, scrubPersonalData, REDACTED } from './log-scrubber.ts';
export { CheckpointError, CheckpointStore, checkpointSigned, loadCheckpointKey, signCheckpoint, type SignedCheckpoint } from './audit-checkpoints.ts';
export {
  keyIdOf,
  newSigningKeyPair,
  signatureAlgorithmOf,
  signMessage,
  verifyMessage,
  type SignatureAlgorithm,
} from './signing-keys.ts';
export { signBundle, bundleSigner, type BundleSignature } from './bundle-signature.ts';
