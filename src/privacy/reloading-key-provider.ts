import { statSync } from 'node:fs';
import { loadKeyProvider, type KeyProvider, type LocalKeyProvider } from './key-provider.ts';

/**
 * A key file that may change under a running server (a master-key rotation adds a version):
 * it is read again when it changes (checked every few seconds) and whenever a data key names a
 * version this process does not know yet.
 */
export class ReloadingKeyProvider implements KeyProvider {
  private mtime = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private current: LocalKeyProvider,
    private readonly keyFile: string,
    intervalMs = 3000,
  ) {
    this.mtime = this.fileTime();
    this.timer = setInterval(() => this.refresh(), intervalMs);
    this.timer.unref();
  }

  private fileTime(): number {
    try {
      return statSync(this.keyFile).mtimeMs;
    } catch {
      return 0;
    }
  }

  refresh(force = false): void {
    const t = this.fileTime();
    if (!force && t === this.mtime) return;
    this.mtime = t;
    this.current = loadKeyProvider({ keyFile: this.keyFile, createIfMissing: false });
  }

  get currentVersion(): number {
    return this.current.currentVersion;
  }
  get versions(): readonly number[] {
    return this.current.versions;
  }
  get indexKey(): Buffer {
    return this.current.indexKey;
  }

  wrap(dataKey: Buffer, keyId: string) {
    return this.current.wrap(dataKey, keyId);
  }

  unwrap(version: number, wrapped: Buffer, keyId: string): Buffer {
    if (!this.current.versions.includes(version)) this.refresh(true);
    return this.current.unwrap(version, wrapped, keyId);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
