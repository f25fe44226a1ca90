import { CmlUsageError, isCmlError } from '../errors/index.js';
import type { Operation, Param } from '../spec/index.js';

/** The flag of a parameter or body field, as `call --help` lists it: `--project-id`. */
export function flagName(param: Pick<Param, 'pythonName'>): string {
  return `--${param.pythonName.replace(/_/g, '-')}`;
}

/** An operation's own flags, one per parameter and body field (a path id first, when a body field has its name). */
export function parameterFlags(op: Operation): { readonly flag: string; readonly param: Param }[] {
  const seen = new Set<string>();
  const flags: { flag: string; param: Param }[] = [];
  for (const param of op.params) {
    const flag = flagName(param);
    if (seen.has(flag)) continue;
    seen.add(flag);
    flags.push({ flag, param });
  }
  return flags;
}

/** `cmlsh call getJob --project-id … --job-id …`: the required flags of an operation. */
export function exampleCommand(op: Operation, command: FlagCommand = 'call'): string {
  const flags = op.params.filter((p) => p.required && p.in !== 'body').map((p) => `${flagName(p)} …`);
  const body = op.body?.required ? [`--body '{…}'`] : [];
  return [`cmlsh ${command}`, op.name, ...flags, ...body].join(' ');
}

/**
 * A usage error of the api layer told in command-line terms: the api speaks JavaScript
 * (`needs projectId … Example: api.listJobs({ projectId: '…' })`), someone at a shell
 * typed flags, so names of the operation's parameters become their flags, call examples
 * become a command line, and the api's own signatures a pointer to `--help`. Any other
 * error is returned as it is.
 */
export function inFlagTerms(error: unknown, op: Operation, command: FlagCommand = 'call'): unknown {
  if (!(error instanceof CmlUsageError) && !(isCmlError(error) && error.name === 'CmlUsageError'))
    return error;
  const message = flagTerms((error as Error).message, op, command);
  return message === (error as Error).message ? error : new CmlUsageError(message);
}

/** The commands that take an operation's parameters as flags. */
export type FlagCommand = 'call' | 'browse';

function flagTerms(message: string, op: Operation, command: FlagCommand): string {
  const flags = new Map<string, string>();
  for (const param of op.params) {
    for (const name of [param.name, param.pythonName, param.wireName]) flags.set(name, flagName(param));
  }
  if (op.body) flags.set('body', '--body');
  return (
    message
      // The example and the signatures are JavaScript: a command line, and where to read more.
      .replace(/Example: api\.[\s\S]*$/, `Example: ${exampleCommand(op, command)}`)
      .replace(/\s*Call it as api\.[^\n]*$/, ` See cmlsh call ${op.name} --help.`)
      // "has no parameter "projct"": what was typed was a flag.
      .replace(
        /has no (parameter|field) "([^"]+)"/g,
        (_, __, name: string) => `has no flag --${name.replace(/_/g, '-')}`,
      )
      // Lists after "Parameters:" / "Fields:", and identifiers anywhere (projectId, job_id).
      .replace(/\b(Parameters|Fields): ([^.]*)/g, (_, label: string, list: string) => {
        const items = list.split(/,\s*/).map((item) => flags.get(item.trim()) ?? item);
        return `${label === 'Fields' ? 'Body fields' : 'Flags'}: ${items.join(', ')}`;
      })
      .replace(/\b[a-z]+(?:[A-Z][a-z\d]*|_[a-z\d]+)+\b/g, (word) => flags.get(word) ?? word)
      // pageSize and page_size were two suggestions; as flags they are one.
      .replace(
        /Did you mean ([^?]+)\?/,
        (_, list: string) => `Did you mean ${[...new Set(list.split(', '))].join(', ')}?`,
      )
  );
}
