/**
 * A pause a polling loop takes when it found nothing to do, cut short by `wake()` (new work was
 * submitted, or the loop is stopping). The timer does not keep the process alive.
 */
export class WakeablePause {
  private waking: (() => void) | null = null;

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waking = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      this.waking = done;
    });
  }

  wake(): void {
    this.waking?.();
  }
}
