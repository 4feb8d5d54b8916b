/** Errors the domain raises; the API maps each kind to one problem+json type and status. */
export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: 'not_found' | 'conflict' | 'validation' | 'forbidden' | 'unauthorized' | 'rate_limited' | 'unprocessable',
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} was not found`);
export const conflict = (message: string) => new DomainError('conflict', message);
export const invalid = (field: string, message: string) =>
  new DomainError('validation', `${field}: ${message}`, [{ field, message }]);
