/** What was sent, kept on errors so a message can name it. Never holds headers (secrets). */
export interface RequestInfo {
  readonly method: string;
  readonly url: string;
  /** The operation's camelCase name, when the request came from the api object. */
  readonly operation?: string | undefined;
}

/** "listProjects (GET https://host/api/v2/projects)" */
export function describeRequest(request: RequestInfo): string {
  const target = `${request.method} ${request.url}`;
  return request.operation ? `${request.operation} (${target})` : target;
}
