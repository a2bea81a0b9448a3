/**
 * The inspector: what is selected on the graph, with tabs for its live YAML, `kubectl
 * describe`, its events and — for a pod — the scheduler's plugin-by-plugin decision. The
 * reads are silent: they neither show up as messages nor land in the recorded session.
 */
import { useEffect, useState } from 'react';
import { useCluster, type MirroredObject } from '../state/cluster-store.ts';
import { useSelection } from '../state/selection-store.ts';
import { inspect } from './inspect-source.ts';
import './inspector.css';

type Tab = 'summary' | 'why' | 'yaml' | 'describe' | 'events' | 'scheduling';

function commandFor(tab: Tab, object: MirroredObject): string | undefined {
  const resource = object.kind.toLowerCase();
  const ns = object.namespace ? ` -n ${object.namespace}` : '';
  switch (tab) {
    case 'yaml':
      return `kubectl get ${resource} ${object.name}${ns} -o yaml`;
    case 'describe':
      return `kubectl describe ${resource} ${object.name}${ns}`;
    case 'events':
      return `kubectl get events${object.namespace ? ns : ' -A'} --field-selector involvedObject.name=${object.name}`;
    case 'scheduling':
      return `sim explain pod ${object.name}${ns}`;
    case 'why':
      return `sim why ${resource} ${object.name}${ns}`;
    default:
      return undefined;
  }
}

function Summary({ object }: { readonly object: MirroredObject }) {
  return (
    <dl>
      <dt>{object.kind}</dt>
      <dd>{object.namespace ? `${object.namespace}/${object.name}` : object.name}</dd>
      <dt>Status</dt>
      <dd>{object.display.status || '—'}</dd>
      {object.display.ready !== undefined ? (
        <>
          <dt>Ready</dt>
          <dd>{object.display.ready}</dd>
          <dt>Restarts</dt>
          <dd>{object.display.restarts ?? 0}</dd>
          <dt>Node</dt>
          <dd>{object.display.nodeName ?? '<none>'}</dd>
        </>
      ) : null}
    </dl>
  );
}

function CommandView({ command, version }: { readonly command: string; readonly version: unknown }) {
  const [text, setText] = useState<string | undefined>();
  useEffect(() => {
    let current = true;
    void inspect(command).then((result) => {
      if (current) setText(result.text);
    });
    return () => {
      current = false;
    };
  }, [command, version]);
  return (
    <figure className="inspector-output">
      <figcaption>$ {command}</figcaption>
      <pre>{text ?? '…'}</pre>
    </figure>
  );
}

export function Inspector() {
  const selected = useSelection((s) => s.selected);
  const object = useCluster((s) => (selected ? s.objects[selected] : undefined));
  const [tab, setTab] = useState<Tab>('summary');
  if (!selected) return null;
  const close = () => useSelection.getState().select(undefined);
  const tabs: Tab[] = [
    'summary',
    'why',
    'yaml',
    'describe',
    'events',
    ...(object?.kind === 'Pod' ? ['scheduling' as const] : []),
  ];
  const shown = tabs.includes(tab) ? tab : 'summary';
  const command = object ? commandFor(shown, object) : undefined;
  return (
    <aside className="inspector" aria-label="Inspector">
      <button type="button" className="close" aria-label="Close inspector" onClick={close}>
        ×
      </button>
      {object ? (
        <>
          <div className="inspector-tabs" role="tablist" aria-label="Inspector views">
            {tabs.map((t) => (
              <button key={t} type="button" role="tab" aria-selected={t === shown} onClick={() => setTab(t)}>
                {t === 'yaml' ? 'YAML' : t[0]!.toUpperCase() + t.slice(1)}
              </button>
            ))}
          </div>
          <div role="tabpanel" aria-label={shown}>
            {command ? (
              <CommandView command={command} version={object.display} />
            ) : (
              <Summary object={object} />
            )}
          </div>
        </>
      ) : (
        <p>
          <strong>{selected}</strong>
          {selected.startsWith('/registry/') ? ' no longer exists.' : ''}
        </p>
      )}
    </aside>
  );
}
