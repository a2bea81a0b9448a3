/**
 * The release the simulator imitates. Client and server report the same build, as a
 * kubeadm cluster set up with the matching kubectl does (values of the real v1.34.5 build).
 */
export const KUBERNETES_BUILD = {
  major: '1',
  minor: '34',
  gitVersion: 'v1.34.5',
  gitCommit: 'ebfac057369b21558006b8815821ab2fb1e29f2d',
  gitTreeState: 'clean',
  buildDate: '2026-02-26T20:06:18Z',
  goVersion: 'go1.24.13',
  compiler: 'gc',
  platform: 'linux/amd64',
} as const;

export const KUSTOMIZE_VERSION = 'v5.7.1';
