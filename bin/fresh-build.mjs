// Whether dist/ (from `npm run build`) was made after the last change to src/: only then may it
// stand in for the sources. Shared by bin/arbiter.mjs and the worker-thread bootstrap.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** `root` is the package folder, holding src/ (absent in a published package) and dist/. */
export function freshBuild(root) {
  const stamp = join(root, 'dist', '.build-stamp');
  if (!existsSync(stamp)) return false;
  return !existsSync(join(root, 'src')) || statSync(stamp).mtimeMs >= newestSource(join(root, 'src'));
}
