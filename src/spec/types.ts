import type { PathShape } from './path-shape.js';
import type { SwaggerSchema } from './swagger-types.js';

/** A JSON schema as cmlsh uses it: Swagger 2.0 subset, `$ref`s left for `resolveSchema`. */
export type Schema = SwaggerSchema;

export type ParamLocation = 'path' | 'query' | 'body' | 'formData';

/** The value types a parameter or field can take, as the spec states them. */
export type ValueType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'file';

/** One input of an operation: a path or query parameter, a body field, or a form field. */
export interface Param {
  /** Name on the wire: `project_id`, `job.id`, `search_filter`. */
  readonly wireName: string;
  /** JavaScript name: `projectId`, `jobId`, `searchFilter`. */
  readonly name: string;
  /** Python cmlapi name: `project_id`, `job_id`. */
  readonly pythonName: string;
  readonly in: ParamLocation;
  readonly required: boolean;
  readonly type: ValueType;
  /** int32, int64, double, date-time... */
  readonly format?: string | undefined;
  readonly enum?: readonly string[] | undefined;
  readonly description?: string | undefined;
  /** For arrays: the element type. */
  readonly itemType?: ValueType | undefined;
  /** A query parameter whose value is a JSON object (`search_filter`): objects are serialised. */
  readonly json: boolean;
  /** For `in: 'body'` fields and object-valued params: the field's schema. */
  readonly schema?: Schema | undefined;
}

/** How a list operation pages: CML's page_size/page_token/next_page_token contract. */
export interface ListShape {
  /** The response array holding the items (`projects`, `jobs`...), when there is one. */
  readonly itemsField: string | undefined;
  /** Definition name of the items, when the array holds `$ref`s. */
  readonly itemModel: string | undefined;
}

/** One operation of the API, normalised from the spec. Everything else is derived from this. */
export interface Operation {
  readonly operationId: string;
  /** camelCase method name on `api`: `listProjects`. */
  readonly name: string;
  /** snake_case name of the Python client: `list_projects`. */
  readonly pythonName: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path template as the spec writes it: `/api/v2/projects/{project_id}/jobs/{job.id}`. */
  readonly path: string;
  /** The same template read once: segments, parameters, custom verb. */
  readonly shape: PathShape;
  /** Where the operation sits in the resource graph. */
  readonly resource: OperationResource;
  readonly summary: string;
  readonly description: string;
  /** Path and query parameters, then body fields, then form fields. */
  readonly params: readonly Param[];
  /** The body as a whole, when the operation takes one. */
  readonly body:
    | { readonly required: boolean; readonly model: string | undefined; readonly schema: Schema }
    | undefined;
  /** multipart/form-data upload (UploadFile and friends). */
  readonly multipart: boolean;
  /** Success response schema, undefined where the spec gives none (raw bytes). */
  readonly response: {
    readonly status: number;
    readonly model: string | undefined;
    readonly schema: Schema | undefined;
  };
  /** Set on operations that page. */
  readonly list: ListShape | undefined;
  /** search_filter keys the operation's description admits. */
  readonly filterKeys: readonly string[];
  /** sort keys the operation's description admits. */
  readonly sortKeys: readonly string[];
}

/**
 * An operation's place in the resource graph, read off its path once: `PATCH
 * /api/v2/projects/{project_id}/jobs/{job.id}` is on an item (`job.id`) of the resource
 * `/api/v2/projects/{}/jobs`, under a project (`project_id`).
 */
export interface OperationResource {
  /** Key of the resource in `ApiSpec.resources`: the collection, parameters as `{}`. */
  readonly key: string;
  /** Whether the operation names one item: its last path segment is a parameter. */
  readonly onItem: boolean;
  /** On an item: the path parameter naming it (`job_id`, `job.id`, `path`). */
  readonly idParam: string | undefined;
  /** The path parameters before the item's, naming the parent chain outermost first. */
  readonly parentParams: readonly string[];
  /** The custom verb after the colon: `stop`, `restart`, `download`, `logbatch`. */
  readonly verb: string | undefined;
  /** For GETs answering rows: the response array holding them (`jobs`, `files`, `keys`). */
  readonly listField: string | undefined;
}

/** A collection of the API: `/api/v2/projects/{}/jobs`, what its items are and how they are named. */
export interface Resource {
  /** The collection path with parameters as `{}`. */
  readonly key: string;
  /** Its last literal segment: `jobs`, `runs`, `files`. */
  readonly name: string;
  /** The resource its items hang under (a project's jobs), when the spec has one there. */
  readonly parent: string | undefined;
  /** The path parameter that names one item (`job_id`), preferring the GET's own spelling. */
  readonly idParam: string | undefined;
  /** Definition name of the items: what the list holds, else what GET or create answers. */
  readonly itemModel: string | undefined;
  /** Field of the item holding its key (`id`, `model_id`, `username`), when there is one. */
  readonly idField: string | undefined;
  /** operationId of the GET that lists the collection. */
  readonly list: string | undefined;
  /** operationId of the GET that reads one item (no verb, answers rows of its own). */
  readonly get: string | undefined;
}

/** A loaded, normalised API description. */
export interface ApiSpec {
  readonly title: string;
  readonly version: string;
  /** Where it came from: "workspace", a path, a URL, "builtin". */
  readonly source: string;
  readonly operations: readonly Operation[];
  /** The resource graph: every operation's collection by its key. */
  readonly resources: Readonly<Record<string, Resource>>;
  readonly definitions: Readonly<Record<string, Schema>>;
}
