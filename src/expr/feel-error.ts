/** A FEEL syntax error: where it is (1-based line and column) and what was expected there. */
export class FeelSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
    readonly source: string,
  ) {
    super(`${reason} at line ${line}, column ${column}`);
    this.name = 'FeelSyntaxError';
  }
  get code(): string {
    return 'feel_syntax';
  }
}

export function positionOf(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
