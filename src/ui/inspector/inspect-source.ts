/** How the inspector reads the cluster: set once by the app to the engine's silent reads. */
export type InspectFn = (line: string) => Promise<{ text: string; exitCode: number }>;

let source: InspectFn = () => Promise.resolve({ text: 'The cluster is not running yet.', exitCode: 1 });

export function setInspectSource(fn: InspectFn): void {
  source = fn;
}

export function inspect(line: string): Promise<{ text: string; exitCode: number }> {
  return source(line);
}
