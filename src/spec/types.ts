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

/** A loaded, normalised API description. */
export interface ApiSpec {
  readonly title: string;
  readonly version: string;
  /** Where it came from: "workspace", a path, a URL, "builtin". */
  readonly source: string;
  readonly operations: readonly Operation[];
  readonly definitions: Readonly<Record<string, Schema>>;
}
