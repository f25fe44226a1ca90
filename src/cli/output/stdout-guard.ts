/**
 * What happens when stdout cannot take the output. A closed pipe (`cmlsh … | head`) is not
 * an error worth a word: the reader has what it wanted. Anything else (a full disk, stdout
 * redirected to /dev/full, an I/O error) is one line on stderr and exit 1, never a stack
 * trace, since nothing more can be written anyway.
 */
export function guardStdout(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`Cannot write the output: ${writeFailure(error)}\n`);
    process.exit(1);
  });
}

function writeFailure(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOSPC':
      return 'no space left on the device stdout goes to (ENOSPC); free some space or send it elsewhere';
    case 'EDQUOT':
      return 'the disk quota is exceeded (EDQUOT)';
    default:
      return error.code ? `${error.message.replace(/^\w+: /, '')} (${error.code})` : error.message;
  }
}
