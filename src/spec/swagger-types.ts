/** The parts of a Swagger 2.0 document cmlsh reads. Everything else is ignored. */

export interface SwaggerSchema {
  readonly $ref?: string;
  readonly type?: string;
  readonly format?: string;
  readonly title?: string;
  readonly description?: string;
  readonly enum?: readonly unknown[];
  readonly default?: unknown;
  readonly items?: SwaggerSchema;
  readonly properties?: Readonly<Record<string, SwaggerSchema>>;
  readonly additionalProperties?: SwaggerSchema | boolean;
  readonly required?: readonly string[];
  readonly readOnly?: boolean;
}

export interface SwaggerParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'body' | 'formData' | 'header';
  readonly description?: string;
  readonly required?: boolean;
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly items?: SwaggerSchema;
  readonly collectionFormat?: string;
  readonly schema?: SwaggerSchema;
  readonly default?: unknown;
}

export interface SwaggerOperation {
  readonly operationId?: string;
  readonly summary?: string;
  readonly description?: string;
  readonly consumes?: readonly string[];
  readonly produces?: readonly string[];
  readonly parameters?: readonly SwaggerParameter[];
  readonly responses?: Readonly<
    Record<string, { readonly description?: string; readonly schema?: SwaggerSchema }>
  >;
  readonly tags?: readonly string[];
}

export type SwaggerPathItem = Readonly<Record<string, SwaggerOperation>> & {
  readonly parameters?: readonly SwaggerParameter[];
};

export interface SwaggerDocument {
  readonly swagger: string;
  readonly info?: { readonly title?: string; readonly version?: string; readonly description?: string };
  readonly basePath?: string;
  readonly consumes?: readonly string[];
  readonly produces?: readonly string[];
  readonly paths: Readonly<Record<string, SwaggerPathItem>>;
  readonly definitions?: Readonly<Record<string, SwaggerSchema>>;
}
