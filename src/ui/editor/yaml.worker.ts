// monaco-yaml's language worker, bundled through a local module as its docs advise for Vite.
import 'monaco-yaml/yaml.worker.js';
