/** Reads the objects named by `-f` flags: files, directories, or `-` for standard input. */
import type { CommandContext } from './context.ts';
import { list } from './context.ts';
import { parseManifests, type ManifestDocument } from './manifests.ts';

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

export function readFileArgs(ctx: CommandContext): { documents: ManifestDocument[]; errors: string[] } {
  const documents: ManifestDocument[] = [];
  const errors: string[] = [];
  for (const path of list(ctx.flags, 'filename')) {
    if (path === '-') {
      const result = parseManifests(ctx.stdin ?? '', 'STDIN');
      documents.push(...result.documents);
      errors.push(...result.errors);
      continue;
    }
    const entries = ctx.host.listDir?.(path);
    const files = entries
      ? entries
          .filter((f) => MANIFEST_EXTENSIONS.some((e) => f.endsWith(e)))
          .sort()
          .map((f) => `${path.replace(/\/$/, '')}/${f}`)
      : [path];
    for (const file of files) {
      const text = ctx.host.readFile(file);
      if (text === undefined) {
        errors.push(`the path "${file}" does not exist`);
        continue;
      }
      const result = parseManifests(text, file);
      documents.push(...result.documents);
      errors.push(...result.errors);
    }
  }
  return { documents, errors };
}
