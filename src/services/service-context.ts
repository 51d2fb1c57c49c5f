import type { Logger } from 'pino';
import type { KeyProvider } from '../privacy/index.ts';
import type { AuditCheckpoints, Database, ErasureLedger, JobQueue } from '../store/index.ts';
import type { Clock } from '../support/clock.ts';
import type { GovernanceSettings } from './governance.ts';
import type { OidcSettings } from './oidc-settings.ts';

/** What every use case may need from its surroundings; the API, the CLI and the demo each build one. */
export interface ServiceContext {
  db: Database;
  /** The PostgreSQL job queue; without it, jobs run in this process once their record is committed. */
  queue: JobQueue | null;
  logger: Logger;
  /** Master keys for personal data. */
  keys: KeyProvider;
  clock: Clock;
  /** Where erasures are also recorded, outside the database, to be replayed after a restore. */
  erasures: ErasureLedger | null;
  /** The key and folder of signed audit checkpoints, outside the database. */
  auditCheckpoints: AuditCheckpoints | null;
  /** How changes are released; from the environment (ARBITER_SINGLE_PERSON_RELEASE ...) when not given. */
  governance?: GovernanceSettings;
  /** Single sign-on for people using the console; none when absent. */
  oidc?: OidcSettings | null;
}
