/**
 * The serviceaccount controller of kube-controller-manager
 * (`pkg/controller/serviceaccount/serviceaccounts_controller.go`): every active namespace
 * has a `default` ServiceAccount, created when the namespace appears and re-created if it
 * is deleted.
 */
import type { KubeObject } from '../../api/types.ts';
import { ApiError, hasStatusCause, isAlreadyExists } from '../../client/api-client.ts';
import type { SharedInformerFactory } from '../../client/informer-factory.ts';
import type { Lister } from '../../client/lister.ts';
import type { WorkQueue } from '../../client/work-queue.ts';
import { Controller, SyncError, type ControllerHost } from '../controller.ts';
import { servedResource } from '../discovery.ts';

/** `DefaultServiceAccountsControllerOptions`: the accounts every namespace gets. */
export const DEFAULT_SERVICE_ACCOUNTS: readonly string[] = ['default'];

/** The status cause the NamespaceLifecycle admission plugin attaches when a namespace is terminating. */
export const NAMESPACE_TERMINATING_CAUSE = 'NamespaceTerminating';

const serviceAccounts = servedResource('', 'v1', 'ServiceAccount');
const namespaces = servedResource('', 'v1', 'Namespace');

/** The ServiceAccounts to create in `namespace` (none unless it is Active). */
export function planServiceAccounts(
  namespace: KubeObject,
  exists: (name: string) => boolean,
  wanted: readonly string[] = DEFAULT_SERVICE_ACCOUNTS,
): KubeObject[] {
  if ((namespace.status as { phase?: string } | undefined)?.phase !== 'Active') return [];
  const ns = namespace.metadata.name ?? '';
  return wanted
    .filter((name) => !exists(name))
    .map((name) => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: ns } }));
}

export class ServiceAccountsController extends Controller {
  readonly queue: WorkQueue;
  readonly #namespaces: Lister;
  readonly #serviceAccounts: Lister;

  constructor(host: ControllerHost, informers: SharedInformerFactory) {
    super(host, informers, 'serviceaccount');
    this.queue = this.newQueue({
      name: 'serviceaccount',
      sync: (key) => this.sync(key),
      describe: (key) => `namespaces/${key}`,
    });
    const saInformer = informers.informerFor(serviceAccounts);
    this.#serviceAccounts = saInformer.lister();
    saInformer.addEventHandler({ onDelete: (sa) => this.queue.add(sa.metadata.namespace ?? '') });
    const nsInformer = informers.informerFor(namespaces);
    this.#namespaces = nsInformer.lister();
    nsInformer.addEventHandler({
      onAdd: (ns) => this.queue.add(ns.metadata.name ?? ''),
      onUpdate: (_old, ns) => this.queue.add(ns.metadata.name ?? ''),
    });
  }

  /** Ensures the namespace's default ServiceAccounts exist; the key is a namespace name. */
  sync(key: string): void {
    const ns = this.#namespaces.get(undefined, key);
    if (!ns) return;
    const failures: string[] = [];
    for (const sa of planServiceAccounts(ns, (name) => !!this.#serviceAccounts.get(key, name))) {
      try {
        this.api.create(serviceAccounts, sa);
      } catch (e) {
        // A concurrent create, or a namespace that started terminating meanwhile, is no failure.
        if (isAlreadyExists(e) || hasStatusCause(e, NAMESPACE_TERMINATING_CAUSE)) continue;
        if (!(e instanceof ApiError)) throw e;
        failures.push(e.message);
      }
    }
    if (failures.length) throw new SyncError(failures.join(', '));
  }
}
