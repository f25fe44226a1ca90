import type { Rng } from './prng.js';

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

function chars(rng: Rng, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(rng.next() * alphabet.length)];
  return out;
}

/** CML's public identifiers for projects, jobs, applications: `8cy0-9ue6-n9qz-bj8h`. */
export function dashedId(rng: Rng): string {
  return `${chars(rng, ALNUM, 4)}-${chars(rng, ALNUM, 4)}-${chars(rng, ALNUM, 4)}-${chars(rng, ALNUM, 4)}`;
}

/** Engine (job run) identifiers: 16 lowercase alphanumerics. */
export function engineId(rng: Rng): string {
  return chars(rng, ALNUM, 16);
}

/** Models, builds and deployments are the UUID part of a CRN. */
export function uuid(rng: Rng): string {
  const h = (n: number) => chars(rng, HEX, n);
  return `${h(8)}-${h(4)}-4${h(3)}-${HEX[8 + Math.floor(rng.next() * 4)]}${h(3)}-${h(12)}`;
}

/**
 * Resources whose id format the description does not give away: a build's id, like its
 * model's, is the UUID part of its CRN.
 */
const UUID_MODELS = new Set(['Model', 'ModelBuild', 'ModelDeployment']);

/** A new id in the one format a resource uses, seeded data and creates alike. */
export function idFor(model: string, description: string | undefined, rng: Rng): string {
  return UUID_MODELS.has(model) ? uuid(rng) : idForDescription(rng, description);
}

/** Which id style a field's description asks for. */
export function idForDescription(rng: Rng, description: string | undefined): string {
  if (description && /uuid|crn/i.test(description)) return uuid(rng);
  if (description && /alphanumeric/i.test(description)) return engineId(rng);
  return dashedId(rng);
}
