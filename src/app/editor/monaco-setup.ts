/**
 * Monaco, bundled locally and loaded on demand: the editor core, only the contributions the
 * manifest editor uses (hover, completion, find, folding, markers, diff…), the YAML language, and
 * monaco-yaml driven by the Kubernetes JSON Schema generated at install time from kubernetes-types
 * (scripts/gen-schema.mjs). Workers are Vite worker imports: no CDN, works offline.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/esm/vs/base/browser/ui/codicons/codicon/codicon.css';
import 'monaco-editor/esm/vs/base/browser/ui/codicons/codicon/codicon-modifiers.css';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget';
import 'monaco-editor/editor/browser/widget/diffEditor/diffEditor.contribution';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/comment/browser/comment';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/editor/contrib/gotoError/browser/markerSelectionStatus';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/indentation/browser/indentation';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor';
import 'monaco-editor/editor/contrib/placeholderText/browser/placeholderText.contribution';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/features/find/register';
import 'monaco-editor/editor/common/standaloneStrings';
import 'monaco-editor/languages/definitions/yaml/register';
import { configureMonacoYaml } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import YamlWorker from 'monaco-yaml/yaml.worker?worker';
import schema from '../../sim/api/generated/k8s-jsonschema.json';

export { monaco };

/** The editor's one model URI: monaco-yaml applies the schema to it. */
export const MANIFEST_URI = 'file:///workspace/manifest.yaml';

let configured = false;

export function setupMonaco(): typeof monaco {
  if (configured) return monaco;
  configured = true;
  (globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
    getWorker(_id: string, label: string) {
      return label === 'yaml' ? new YamlWorker() : new EditorWorker();
    },
  };
  configureMonacoYaml(withLabelledWorkers(monaco), {
    // The engine's own checks speak kubectl; the schema adds completion, hover docs and early typing errors.
    validate: true,
    completion: true,
    hover: true,
    format: { enable: false },
    isKubernetes: true,
    enableSchemaRequest: false,
    yamlVersion: '1.1',
    schemas: [{ fileMatch: ['**/*.yaml'], uri: 'https://podlab.local/k8s-v1.json', schema: schema as never }],
  });
  return monaco;
}

/**
 * monaco-yaml (through monaco-worker-manager) asks `monaco.editor.createWebWorker` for a worker by
 * label with `createData`, the API of Monaco before 0.5x. Monaco 0.57 takes a ready Worker instead,
 * and its own language workers first post "ignore" and then the create data (the worker's
 * bootstrap consumes one message per stage). This adapter does the same for the YAML worker.
 */
function withLabelledWorkers(m: typeof monaco): typeof monaco {
  type Options = { label?: string; createData?: unknown; host?: Record<string, unknown>; keepIdleModels?: boolean };
  const createWebWorker = (opts: Options) => {
    const worker = opts.label === 'yaml' ? new YamlWorker() : new EditorWorker();
    worker.postMessage('ignore');
    worker.postMessage(opts.createData);
    return m.editor.createWebWorker({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels } as never);
  };
  return { ...m, editor: { ...m.editor, createWebWorker } } as typeof monaco;
}
