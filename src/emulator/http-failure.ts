/** gRPC status codes as CML's gateway puts them in runtimeError.code. */
export const GrpcCode = {
  invalidArgument: 3,
  notFound: 5,
  alreadyExists: 6,
  permissionDenied: 7,
  resourceExhausted: 8,
  unimplemented: 12,
  internal: 13,
  unavailable: 14,
  unauthenticated: 16,
} as const;

/** CML's error body: `{error, code, message, details: []}` (the spec's runtimeError). */
export function runtimeError(code: number, message: string): Record<string, unknown> {
  return { error: message, code, message, details: [] };
}

/** Thrown by handlers to answer with an HTTP status and a runtimeError body. */
export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpFailure';
  }
}

/** 400 INVALID_ARGUMENT, for malformed filters, tokens, sorts and bodies. */
export const badRequest = (message: string): HttpFailure =>
  new HttpFailure(400, GrpcCode.invalidArgument, message);

/** 404 NOT_FOUND with CML's wording. */
export const notFound = (message: string): HttpFailure => new HttpFailure(404, GrpcCode.notFound, message);
