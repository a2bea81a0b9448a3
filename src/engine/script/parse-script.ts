/**
 * Splits a kubesim script into steps: one command per line, `\` continuing a line,
 * `<<DELIM` here-documents (`<<'DELIM'`, `<<"DELIM"`, and `<<-DELIM`, which strips leading
 * tabs), `#` comments and blank lines.
 */

export interface ScriptStep {
  /** The command line as written (continuations joined), without the here-document body. */
  readonly command: string;
  /** The here-document text given to the command's standard input, if any. */
  readonly stdin?: string;
  /** The lines the step occupies in the script, echoed in the transcript. */
  readonly echo: readonly string[];
  /** 1-based line of the step's first line. */
  readonly line: number;
}

export interface ScriptParseError {
  readonly line: number;
  readonly message: string;
}

const HEREDOC = /<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2\s*$/;

export function parseScript(text: string): { steps: ScriptStep[]; errors: ScriptParseError[] } {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const steps: ScriptStep[] = [];
  const errors: ScriptParseError[] = [];
  let i = 0;
  while (i < lines.length) {
    const start = i;
    let line = lines[i]!;
    i++;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const echo = [line];
    while (line.endsWith('\\') && i < lines.length) {
      line = `${line.slice(0, -1)}${lines[i]!.trimStart()}`;
      echo.push(lines[i]!);
      i++;
    }
    const heredoc = HEREDOC.exec(line);
    if (!heredoc) {
      steps.push({ command: line.trim(), echo, line: start + 1 });
      continue;
    }
    const [, dash, , delimiter] = heredoc;
    const body: string[] = [];
    let closed = false;
    while (i < lines.length) {
      const raw = lines[i]!;
      i++;
      const candidate = dash ? raw.replace(/^\t+/, '') : raw;
      echo.push(raw);
      if (candidate === delimiter) {
        closed = true;
        break;
      }
      body.push(candidate);
    }
    if (!closed) {
      errors.push({
        line: start + 1,
        message: `here-document at line ${start + 1} delimited by end-of-file (wanted \`${delimiter}')`,
      });
    }
    steps.push({
      command: line.slice(0, heredoc.index).trim(),
      stdin: body.length ? `${body.join('\n')}\n` : '',
      echo,
      line: start + 1,
    });
  }
  return { steps, errors };
}
