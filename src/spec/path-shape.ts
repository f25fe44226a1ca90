/** One segment of a path template: a literal (`jobs`) or a parameter (`{job.id}`). */
export type PathSegment = { readonly literal: string } | { readonly param: string };

/**
 * A path template read once: `/api/v2/projects/{project_id}/jobs/{job_id}:stop` is the
 * segments `api`, `v2`, `projects`, `{project_id}`, `jobs`, `{job_id}` and the custom verb
 * `stop`. The client fills it, the emulator routes by it, the resource graph reads it.
 */
export interface PathShape {
  readonly segments: readonly PathSegment[];
  /** The custom verb after the last colon (`stop`, `download`, `logbatch`), if any. */
  readonly verb: string | undefined;
  /** Parameter wire names in template order: `project_id`, `job.id`, `path`. */
  readonly params: readonly string[];
}

const VERB = /:([A-Za-z][\w-]*)$/;
const PARAM = /^\{([^{}]+)\}$/;

/** Reads a path template into its shape. */
export function parsePath(template: string): PathShape {
  const verbMatch = VERB.exec(template);
  const bare = verbMatch ? template.slice(0, verbMatch.index) : template;
  const segments: PathSegment[] = [];
  const params: string[] = [];
  for (const text of bare.split('/')) {
    if (text === '') continue;
    const param = PARAM.exec(text)?.[1];
    if (param === undefined) segments.push({ literal: text });
    else {
      segments.push({ param });
      params.push(param);
    }
  }
  return { segments, verb: verbMatch?.[1], params };
}

/** Whether a segment is a parameter. */
export function isParam(segment: PathSegment | undefined): segment is { readonly param: string } {
  return segment !== undefined && 'param' in segment;
}

/**
 * The concrete path: each parameter replaced by `value(name, position)`, the verb kept.
 * The value is inserted as given: encoding is the caller's (the client encodes every
 * value into one segment, as the Python client does).
 */
export function fillPath(shape: PathShape, value: (name: string, position: number) => string): string {
  let position = 0;
  const parts = shape.segments.map((s) => ('param' in s ? value(s.param, position++) : s.literal));
  return `/${parts.join('/')}${shape.verb === undefined ? '' : `:${shape.verb}`}`;
}

/** The template again, written as the spec writes it. */
export function formatPath(shape: PathShape): string {
  return fillPath(shape, (name) => `{${name}}`);
}

/**
 * The shape's key with parameter names dropped, so templates that name a parameter
 * differently (`{project_id}`, `{project.id}`) meet: `/api/v2/projects/{}/jobs`.
 * `count` keeps only the first segments.
 */
export function shapeKey(shape: PathShape, count = shape.segments.length): string {
  return `/${shape.segments
    .slice(0, count)
    .map((s) => ('param' in s ? '{}' : s.literal))
    .join('/')}`;
}
