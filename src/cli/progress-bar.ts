/**
 * A progress bar on stderr (stdout stays clean for --json and pipes). On a terminal it redraws
 * one line; elsewhere it prints a line at each quarter, so CI logs stay short.
 */
export function progressBar(what: string): { update: (done: number, of: number) => void; done: () => void } {
  const tty = process.stderr.isTTY === true;
  const t0 = performance.now();
  let lastQuarter = 0;
  let drawn = false;
  return {
    update(done, of) {
      const share = of > 0 ? done / of : 1;
      const seconds = ((performance.now() - t0) / 1000).toFixed(1);
      if (tty) {
        const width = 30;
        const filled = Math.round(share * width);
        process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${of} ${what} ${seconds}s`);
        drawn = true;
      } else if (Math.floor(share * 4) > lastQuarter) {
        lastQuarter = Math.floor(share * 4);
        process.stderr.write(`${Math.round(share * 100)}% (${done}/${of} ${what}, ${seconds}s)\n`);
      }
    },
    done() {
      if (drawn) process.stderr.write('\n');
    },
  };
}
