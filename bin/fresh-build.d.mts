/** Whether dist/ was built after the last change to src/ (see fresh-build.mjs). */
export function freshBuild(root: string): boolean;
