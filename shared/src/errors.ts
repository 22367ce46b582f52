/** Stable codes the server maps to HTTP statuses and rejections; append only. */
export const domainErrorCodes = [
  'illegal_transition',
  'not_found',
  'invalid_args',
  'unknown_mutator',
  'already_exists',
  'no_station',
  'forbidden',
  'internal_error',
  /** An order holds a product the kitchen has 86'd. */
  'sold_out',
  /** An order line leaves a required modifier group unanswered (details name the group). */
  'modifier_required',
  /** An order line chooses more options of a group than its max. */
  'modifier_limit',
] as const;
export type DomainErrorCode = (typeof domainErrorCodes)[number];

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: unknown;

  constructor(code: DomainErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(err: unknown): err is DomainError {
  return err instanceof DomainError;
}
