import { arrayOf, bool, int32, model, str } from './dsl-fields.js';
import { postOp, type ResourceGroup } from './dsl-operations.js';

/** Definitions every resource shares (users, projects in brief, errors) and API key validation. */
export const common = (): ResourceGroup => ({
  operations: [
    postOp(
      'ValidateAPIKey',
      '/api/v2/auth/validate_key',
      'ValidateAPIKeyRequest',
      'ValidateAPIKeyResponse',
      'Check that the API key is valid for an audience.',
    ),
  ],
  definitions: {
    ValidateAPIKeyRequest: model('Which audience to check the key for.', {
      audience: str('API or Application.'),
    }),
    ValidateAPIKeyResponse: model('Whether the key is valid, and whose it is.', {
      valid: bool('True when the key may be used for the audience.'),
      username: str('Owner of the key.'),
      message: str('Why the key is not valid, when it is not.'),
    }),
    ShortUser: model('A user in brief.', {
      username: str('Login name.'),
      name: str('Full name.'),
      email: str('Email address.'),
    }),
    ShortProject: model('A project in brief.', {
      public_identifier: str('Project ID.'),
      name: str('Project name.'),
      slug: str('URL-safe project name.'),
    }),
    runtimeError: model('The error every operation answers with when it fails.', {
      error: str(),
      code: int32('gRPC status code.'),
      message: str('What went wrong.'),
      details: arrayOf('protobufAny'),
    }),
    protobufAny: model('A typed detail of an error.', {
      type_url: str(),
      value: { type: 'string', format: 'byte' },
    }),
  },
});
