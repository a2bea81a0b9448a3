/** Services, endpoints and ingresses for printer tests. */
import { meta, object } from './meta.ts';

export const kubernetesService = object(
  'v1',
  'Service',
  meta('kubernetes', 'default', 40 * 86400, { labels: { component: 'apiserver', provider: 'kubernetes' } }),
  {
    spec: {
      type: 'ClusterIP',
      clusterIP: '10.96.0.1',
      clusterIPs: ['10.96.0.1'],
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
    },
    status: { loadBalancer: {} },
  },
);

export const nodePortService = object('v1', 'Service', meta('web', 'default', 3 * 3600), {
  spec: {
    type: 'NodePort',
    clusterIP: '10.96.120.7',
    clusterIPs: ['10.96.120.7'],
    selector: { app: 'web' },
    ports: [
      { name: 'http', port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30080 },
      { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53, nodePort: 31053 },
    ],
  },
  status: { loadBalancer: {} },
});

export const pendingLoadBalancer = object('v1', 'Service', meta('shop', 'default', 61), {
  spec: {
    type: 'LoadBalancer',
    clusterIP: '10.96.44.2',
    clusterIPs: ['10.96.44.2'],
    selector: { app: 'shop' },
    ports: [{ port: 443, protocol: 'TCP', nodePort: 31443 }],
  },
  status: { loadBalancer: {} },
});

export const readyLoadBalancer = object('v1', 'Service', meta('front', 'default', 9000), {
  spec: {
    type: 'LoadBalancer',
    clusterIP: '10.96.44.9',
    clusterIPs: ['10.96.44.9'],
    selector: { app: 'front' },
    ports: [{ port: 80, protocol: 'TCP', nodePort: 32080 }],
  },
  status: {
    loadBalancer: {
      ingress: [{ hostname: 'a1b2c3d4e5f6-1234567890.eu-west-1.elb.amazonaws.com' }, { ip: '203.0.113.10' }],
    },
  },
});

export const headlessService = object('v1', 'Service', meta('db', 'default', 500), {
  spec: {
    type: 'ClusterIP',
    clusterIP: 'None',
    clusterIPs: ['None'],
    selector: { app: 'db' },
    ports: [{ port: 5432, protocol: 'TCP' }],
  },
  status: { loadBalancer: {} },
});

export const externalNameService = object('v1', 'Service', meta('search', 'default', 100), {
  spec: { type: 'ExternalName', externalName: 'search.example.com' },
  status: { loadBalancer: {} },
});

export const endpoints = object('v1', 'Endpoints', meta('web', 'default', 3 * 3600), {
  subsets: [
    {
      addresses: [{ ip: '10.244.1.5' }, { ip: '10.244.2.3' }],
      ports: [
        { name: 'http', port: 80, protocol: 'TCP' },
        { name: 'dns', port: 53, protocol: 'UDP' },
      ],
    },
  ],
});

export const emptyEndpoints = object('v1', 'Endpoints', meta('shop', 'default', 61), {});

export const endpointSlice = object(
  'discovery.k8s.io/v1',
  'EndpointSlice',
  meta('web-abc12', 'default', 3 * 3600, { labels: { 'kubernetes.io/service-name': 'web' } }),
  {
    addressType: 'IPv4',
    ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
    endpoints: [
      { addresses: ['10.244.1.5'], conditions: { ready: true } },
      { addresses: ['10.244.2.3'], conditions: { ready: true } },
    ],
  },
);

export const emptyEndpointSlice = object(
  'discovery.k8s.io/v1',
  'EndpointSlice',
  meta('shop-x9z8y', 'default', 61),
  {
    addressType: 'IPv4',
    ports: null,
    endpoints: [],
  },
);

export const ingress = object('networking.k8s.io/v1', 'Ingress', meta('web', 'default', 700), {
  spec: {
    ingressClassName: 'nginx',
    tls: [{ hosts: ['shop.example.com'], secretName: 'tls' }],
    rules: [
      { host: 'shop.example.com' },
      { host: 'api.example.com' },
      {},
      { host: 'a.example.com' },
      { host: 'b.example.com' },
    ],
  },
  status: { loadBalancer: { ingress: [{ ip: '192.168.49.2' }] } },
});

export const classlessIngress = object('networking.k8s.io/v1', 'Ingress', meta('plain', 'default', 70), {
  spec: { defaultBackend: { service: { name: 'web', port: { number: 80 } } } },
  status: { loadBalancer: {} },
});
