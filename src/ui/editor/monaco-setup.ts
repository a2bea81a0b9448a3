/**
 * Monaco with monaco-yaml, loaded only when the editor first shows (it is most of the app's
 * JavaScript). Everything is bundled: the workers and the Kubernetes schema come from this
 * build, never from the network.
 */
import * as monaco from 'monaco-editor';
import { configureMonacoYaml } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import YamlWorker from './yaml.worker.ts?worker';
import { loadOpenApiV2 } from '../../engine/index.ts';
import { kubernetesSchema } from './kubernetes-schema.ts';

self.MonacoEnvironment = {
  getWorker: (_moduleId: string, label: string) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
};

const swagger = await loadOpenApiV2();

configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  validate: true,
  completion: true,
  hover: true,
  schemas: [
    {
      uri: 'kubesim://schemas/kubernetes-v1.34.json',
      fileMatch: ['*'],
      schema: kubernetesSchema(swagger as Parameters<typeof kubernetesSchema>[0]) as never,
    },
  ],
});

export { monaco };
