/** A command's result: a human sentence or, with --json, one JSON document on stdout. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}

export function printResult(json: boolean, data: unknown, human: string) {
  process.stdout.write(json ? JSON.stringify(data, null, 2) + '\n' : human + '\n');
}

export function printError(json: boolean, err: CliError) {
  if (json) process.stdout.write(JSON.stringify({ error: err.message }) + '\n');
  process.stderr.write(`edusso: ${err.message}\n`);
}
