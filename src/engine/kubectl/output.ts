/** What a kubectl invocation printed: stdout and stderr interleaved in the order written. */
export interface OutputChunk {
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

export class Output {
  readonly chunks: OutputChunk[] = [];
  exitCode = 0;

  out(text: string): void {
    this.#write('stdout', text);
  }

  err(text: string): void {
    this.#write('stderr', text);
  }

  /** Prints `error: <message>` (or a message that already carries its prefix) and fails the command. */
  fail(message: string, exitCode = 1): void {
    this.err(message.endsWith('\n') ? message : `${message}\n`);
    this.exitCode = exitCode;
  }

  get text(): string {
    return this.chunks.map((c) => c.text).join('');
  }

  get stdout(): string {
    return this.chunks
      .filter((c) => c.stream === 'stdout')
      .map((c) => c.text)
      .join('');
  }

  get stderr(): string {
    return this.chunks
      .filter((c) => c.stream === 'stderr')
      .map((c) => c.text)
      .join('');
  }

  #write(stream: 'stdout' | 'stderr', text: string): void {
    if (text !== '') this.chunks.push({ stream, text });
  }
}
