import type { Logger } from 'pino';
import type { Configuration } from 'openid-client';
import type { Role } from '../privacy/index.ts';
import {
  endSession,
  findSession,
  recordFailedSignIn,
  saveSignIn,
  signIn,
  takeSignIn,
  type ActiveSession,
  type Actor,
  type Database,
  type SignedIn,
} from '../store/index.ts';
import type { Clock } from '../support/clock.ts';
import type { OidcSettings } from './oidc-settings.ts';
import { ServiceError } from './service-error.ts';

/** Why a sign-in did not finish, as the console is told and the audit log records. */
export type SignInFailure = 'provider_error' | 'unknown_state' | 'token_exchange_failed' | 'no_role' | 'not_configured';

export class SignInError extends Error {
  constructor(
    readonly reason: SignInFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Signs people in to the console through an OpenID Connect provider: the authorization code
 * flow with PKCE (openid-client), the provider's groups mapped to Arbiter's roles, and
 * sessions that expire and can be ended.
 */
export class SignInService {
  private configuration: Promise<Configuration> | null = null;

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    private readonly clock: Clock,
    readonly settings: OidcSettings | null,
  ) {}

  private oidc(): OidcSettings {
    if (!this.settings)
      throw new ServiceError('not_found', 'not_configured', 'Single sign-on is not set up here (ARBITER_OIDC_ISSUER); sign in with an API key.');
    return this.settings;
  }

  /** The provider's configuration, discovered once; a failed discovery is tried again next time. */
  private async config(): Promise<Configuration> {
    const s = this.oidc();
    if (!this.configuration) {
      this.configuration = (async () => {
        const client = await import('openid-client');
        const issuer = new URL(s.issuer);
        // Plain HTTP only to a provider on this machine (a test's, or a development one).
        const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
        return client.discovery(issuer, s.clientId, s.clientSecret, undefined, insecure ? { execute: [client.allowInsecureRequests] } : undefined);
      })();
      this.configuration.catch(() => {
        this.configuration = null;
      });
    }
    return this.configuration;
  }

  /** Where to send the browser to sign in; what the callback must match is kept in the database, so any server may take it. */
  async start(): Promise<string> {
    const client = await import('openid-client');
    const config = await this.config();
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    await saveSignIn(this.db, { state, verifier, nonce });
    return client
      .buildAuthorizationUrl(config, {
        redirect_uri: this.oidc().redirectUrl,
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      })
      .toString();
  }

  private async fail(reason: SignInFailure, message: string, detail: { subject?: string; requestId?: string }): Promise<never> {
    this.logger.warn({ reason, requestId: detail.requestId }, 'sign-in failed');
    await recordFailedSignIn(this.db, reason, detail);
    throw new SignInError(reason, message);
  }

  /** Finishes a sign-in from the provider's redirect (its query string); every failure is logged and audited. */
  async finish(query: string, requestId?: string): Promise<SignedIn> {
    const s = this.oidc();
    const client = await import('openid-client');
    const params = new URLSearchParams(query);
    if (params.get('error')) return this.fail('provider_error', `The identity provider refused the sign-in (${params.get('error')}).`, { requestId });
    const started = await takeSignIn(this.db, params.get('state') ?? '');
    if (!started) return this.fail('unknown_state', 'This sign-in was not started here, was used already, or took too long; sign in again.', { requestId });
    const current = new URL(s.redirectUrl);
    current.search = params.toString();
    let claims: Record<string, unknown>;
    try {
      const config = await this.config();
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: started.verifier,
        expectedState: params.get('state')!,
        expectedNonce: started.nonce,
      });
      claims = { ...(tokens.claims() ?? {}) };
      // Providers that keep groups out of the ID token give them at the userinfo endpoint.
      if (claims[s.groupsClaim] === undefined && config.serverMetadata().userinfo_endpoint)
        claims = { ...claims, ...(await client.fetchUserInfo(config, tokens.access_token, String(claims.sub))) };
    } catch (err) {
      return this.fail('token_exchange_failed', `The identity provider's answer could not be used: ${(err as Error).message}`, { requestId });
    }
    const subject = String(claims.sub);
    const raw = claims[s.groupsClaim];
    const groups = new Set(Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? [raw] : []);
    const roles = [...new Set(s.groupRoles.filter(([g]) => groups.has(g)).map(([, r]) => r))] as Role[];
    if (!roles.length)
      return this.fail('no_role', 'You are signed in at the identity provider, but none of your groups gives a role in Arbiter; ask an administrator.', {
        subject,
        requestId,
      });
    const email = typeof claims.email === 'string' ? claims.email : null;
    const name = [claims.name, claims.preferred_username, email, subject].find((x): x is string => typeof x === 'string' && x.length > 0)!;
    const expiresAt = new Date(this.clock.now() + s.sessionSeconds * 1000);
    return signIn(this.db, { issuer: s.issuer, subject, email, name, roles }, roles[0]!, expiresAt, requestId);
  }

  /** The live session a cookie's token opens, or null. */
  session(token: string): Promise<ActiveSession | null> {
    return findSession(this.db, token, new Date(this.clock.now()));
  }

  signOut(sessionId: string, by: Actor): Promise<void> {
    return endSession(this.db, sessionId, by);
  }
}
