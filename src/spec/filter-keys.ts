/**
 * CML states the search_filter and sort keys of a list only in prose, in several styles:
 * "keys are: [creator.email name]", "keys are: [\"identifier\", \"component\"]", or only
 * an example `search_filter = {"model_name": "..."}`. Read them from whichever is there.
 */
export function keysFromDescription(description: string | undefined): string[] {
  if (typeof description !== 'string' || !description) return [];
  const listed = /keys\s+are:?\s*\[([^\]]*)\]/i.exec(description);
  if (listed?.[1] !== undefined) {
    return unique(
      listed[1]
        .split(/[\s,]+/)
        .map((key) => key.replace(/^["']|["']$/g, ''))
        .filter((key) => /^[\w.]+$/.test(key)),
    );
  }
  return unique([...description.matchAll(/"([\w.]+)"\s*:/g)].map((m) => m[1] ?? '').filter(Boolean));
}

/** Query parameters whose value is a JSON object serialised into the query string. */
export function isJsonQueryParam(wireName: string): boolean {
  return wireName.endsWith('search_filter');
}

function unique(keys: string[]): string[] {
  return [...new Set(keys)];
}
