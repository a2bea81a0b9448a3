/**
 * Services over the graph: each Service with its type, addresses and ports, and the pods
 * its EndpointSlices list, ready or not. Pointing at a Service highlights its pods on the
 * graph, which shows where its traffic can go.
 */
import { useShallow } from 'zustand/react/shallow';
import { useCluster, type MirroredObject } from '../state/cluster-store.ts';
import { useServicesOverlay } from './services-overlay-store.ts';

interface ServiceRow {
  readonly key: string;
  readonly type: string;
  readonly clusterIP: string;
  readonly externalIP: string;
  readonly ports: string;
  readonly ready: readonly string[];
  readonly notReady: readonly string[];
}

function rows(
  objects: Readonly<Record<string, MirroredObject>>,
  keysByKind: Readonly<Record<string, readonly string[]>>,
): ServiceRow[] {
  const slices = (keysByKind['EndpointSlice'] ?? []).map((k) => objects[k]).filter((o) => o !== undefined);
  return (keysByKind['Service'] ?? [])
    .map((k) => objects[k])
    .filter((o): o is MirroredObject => o !== undefined)
    .map((svc) => {
      const own = slices.filter(
        (s) => s.namespace === svc.namespace && s.display.endpoints?.service === svc.name,
      );
      return {
        key: `${svc.namespace ?? ''}/${svc.name}`,
        type: svc.display.service?.type ?? '',
        clusterIP: svc.display.service?.clusterIP ?? '',
        externalIP: svc.display.service?.externalIP ?? '',
        ports: svc.display.service?.ports ?? '',
        ready: own.flatMap((s) => s.display.endpoints?.ready ?? []),
        notReady: own.flatMap((s) => s.display.endpoints?.notReady ?? []),
      };
    });
}

export function ServicesOverlay() {
  const shown = useServicesOverlay((s) => s.shown);
  const highlighted = useServicesOverlay((s) => s.highlighted);
  const services = useCluster(
    useShallow((s) => (shown ? rows(s.objects, s.keysByKind).map((r) => JSON.stringify(r)) : [])),
  ).map((text) => JSON.parse(text) as ServiceRow);
  return (
    <div className="services-overlay">
      <button
        type="button"
        className="services-toggle"
        aria-pressed={shown}
        onClick={() => useServicesOverlay.getState().toggle()}
      >
        Services
      </button>
      {shown ? (
        <ul className="services-list" aria-label="Services">
          {services.map((svc) => {
            const [namespace] = svc.key.split('/');
            const pods = [...svc.ready, ...svc.notReady].map((p) => `${namespace}/${p}`);
            return (
              <li
                key={svc.key}
                aria-label={`service ${svc.key} ${svc.type} ${svc.ready.length} ready endpoints`}
                className={highlighted === svc.key ? 'selected' : undefined}
                onMouseEnter={() => useServicesOverlay.getState().highlight(svc.key, pods)}
                onMouseLeave={() => useServicesOverlay.getState().highlight(undefined, [])}
              >
                <strong>{svc.key}</strong> <span className="muted">{svc.type}</span>
                <div className="muted">
                  {svc.clusterIP} {svc.externalIP !== '<none>' ? `· ${svc.externalIP} ` : ''}· {svc.ports}
                </div>
                <div>
                  {svc.ready.length + svc.notReady.length === 0 ? (
                    <span className="muted">no endpoints</span>
                  ) : (
                    <>
                      {svc.ready.map((p) => (
                        <span key={p} className="endpoint ready">
                          ✓ {p}
                        </span>
                      ))}
                      {svc.notReady.map((p) => (
                        <span key={p} className="endpoint not-ready">
                          ✗ {p}
                        </span>
                      ))}
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
