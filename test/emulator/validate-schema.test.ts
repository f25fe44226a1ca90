import { describe, expect, it } from 'vitest';
import type { Schema } from '../../src/spec/types.js';
import { validateValue } from '../../src/spec/validate-schema.js';

const definitions: Record<string, Schema> = {
  User: { type: 'object', properties: { username: { type: 'string' }, age: { type: 'integer' } } },
  Status: { type: 'string', enum: ['ON', 'OFF'] },
  Bag: { type: 'object', properties: { id: { type: 'string' } }, additionalProperties: { type: 'string' } },
  Job: {
    type: 'object',
    properties: {
      timeout: { type: 'string', format: 'int64' },
      owner: { $ref: '#/definitions/User' },
      status: { $ref: '#/definitions/Status' },
      tags: { type: 'array', items: { type: 'string' } },
      cpu: { type: 'number' },
    },
  },
};

describe('validateValue', () => {
  const job = { $ref: '#/definitions/Job' };

  it('accepts a value that fits', () => {
    const value = {
      timeout: '3600',
      owner: { username: 'ada', age: 3 },
      status: 'ON',
      tags: ['a'],
      cpu: 1.5,
    };
    expect(validateValue(job, value, definitions)).toEqual([]);
  });

  it('names each problem with its path', () => {
    const value = {
      timeout: 3600,
      owner: { username: 7, extra: true },
      status: 'MAYBE',
      tags: ['a', 2],
      cpu: 'x',
    };
    expect(validateValue(job, value, definitions)).toEqual([
      '$.timeout: expected string, got integer',
      '$.owner.username: expected string, got integer',
      '$.owner.extra: not declared by the schema',
      '$.status: "MAYBE" is not one of ON, OFF',
      '$.tags[1]: expected string, got integer',
      '$.cpu: expected number, got string',
    ]);
  });

  it('checks int64 strings hold integers and integers are whole', () => {
    expect(validateValue(job, { timeout: 'soon' }, definitions)).toEqual([
      '$.timeout: "soon" is not an int64 string',
    ]);
    expect(validateValue({ $ref: '#/definitions/User' }, { age: 1.5 }, definitions)).toEqual([
      '$.age: expected integer, got number',
    ]);
  });

  it('allows extra keys where additionalProperties says so, and checks their type', () => {
    const bag = { $ref: '#/definitions/Bag' };
    expect(validateValue(bag, { id: 'a', anything: 'b' }, definitions)).toEqual([]);
    expect(validateValue(bag, { id: 'a', anything: 1 }, definitions)).toEqual([
      '$.anything: expected string, got integer',
    ]);
  });

  it('treats a schema without properties as free-form, and null as a problem', () => {
    expect(validateValue({ type: 'object' }, { a: 1 }, definitions)).toEqual([]);
    expect(validateValue({ type: 'object' }, null, definitions)).toEqual(['$: expected object, got null']);
    expect(validateValue(undefined, 42, definitions)).toEqual([]);
  });
});
