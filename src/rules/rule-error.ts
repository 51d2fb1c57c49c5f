/** A rule definition that cannot be compiled; `where` points at the cell or element. */
export class RuleError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly where?: string,
  ) {
    super(message);
    this.name = 'RuleError';
  }
}
