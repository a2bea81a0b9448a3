/** A first inspector: what is selected on the graph, as `kubectl get` would summarise it. */
import { useCluster } from '../state/cluster-store.ts';
import { useSelection } from '../state/selection-store.ts';

export function Inspector() {
  const selected = useSelection((s) => s.selected);
  const object = useCluster((s) => (selected ? s.objects[selected] : undefined));
  if (!selected) return null;
  const close = () => useSelection.getState().select(undefined);
  return (
    <aside className="inspector" aria-label="Inspector">
      <button type="button" className="close" aria-label="Close inspector" onClick={close}>
        ×
      </button>
      {object ? (
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
      ) : (
        <p>
          <strong>{selected}</strong>
          {selected.startsWith('/registry/') ? ' no longer exists.' : ''}
        </p>
      )}
    </aside>
  );
}
