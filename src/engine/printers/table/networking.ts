/** Ingress, IngressClass and NetworkPolicy (printers.go printIngress, printIngressClass, printNetworkPolicy). */
import { list, obj, objList, optObj, optStr, path, str } from './access.ts';
import { formatLabelSelector } from './cells.ts';
import { ageColumn, column, nameColumn } from './columns.ts';
import { age, nameOf, type KindPrinter } from './printer.ts';
import { loadBalancerAddresses } from './service.ts';

/** printers.go formatHosts: the first three non-empty hosts, `*` when there is none. */
function formatHosts(rules: Record<string, unknown>[]): string {
  const hosts: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (hosts.length === 3) more = true;
    const host = str(rule['host']);
    if (!more && host !== '') hosts.push(host);
  }
  if (hosts.length === 0) return '*';
  return more ? `${hosts.join(',')} + ${rules.length - 3} more...` : hosts.join(',');
}

export const ingressPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column(
      'Class',
      'string',
      'The name of the IngressClass resource that should be used for additional configuration',
    ),
    column('Hosts', 'string', 'Hosts that incoming requests are matched against before the ingress rule'),
    column('Address', 'string', 'Address is a list containing ingress points for the load-balancer'),
    column('Ports', 'string', 'Ports of TLS configurations that open'),
    ageColumn,
  ],
  row(ing, ctx) {
    const spec = obj(ing['spec']);
    return [
      nameOf(ing),
      optStr(spec['ingressClassName']) ?? '<none>',
      formatHosts(objList(spec['rules'])),
      loadBalancerAddresses(path(ing, 'status', 'loadBalancer')).join(','),
      list(spec['tls']).length > 0 ? '80, 443' : '80',
      age(ing, ctx),
    ];
  },
};

export const ingressClassPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Controller', 'string', 'Controller that is responsible for handling this class'),
    column('Parameters', 'string', 'A reference to a resource with additional parameters'),
    ageColumn,
  ],
  row(ic, ctx) {
    const spec = obj(ic['spec']);
    const params = optObj(spec['parameters']);
    let parameters = '<none>';
    if (params !== undefined) {
      const group = optStr(params['apiGroup']);
      parameters = `${str(params['kind'])}${group !== undefined ? `.${group}` : ''}/${str(params['name'])}`;
    }
    return [nameOf(ic), str(spec['controller']), parameters, age(ic, ctx)];
  },
};

export const networkPolicyPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Pod-Selector', 'string', 'Selects the pods to which this NetworkPolicy object applies.'),
    ageColumn,
  ],
  row(np, ctx) {
    // podSelector is a struct, never nil: an absent one is the empty selector.
    return [nameOf(np), formatLabelSelector(path(np, 'spec', 'podSelector') ?? {}), age(np, ctx)];
  },
};
