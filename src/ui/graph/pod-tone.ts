/** How a pod's STATUS is coloured: the graph never relies on the colour alone, the text is always shown too. */
export type PodTone = 'ok' | 'pending' | 'leaving' | 'bad';

export const POD_TONES: readonly PodTone[] = ['ok', 'pending', 'leaving', 'bad'];

export function podTone(status: string): PodTone {
  if (status === 'Running' || status === 'Completed') return 'ok';
  if (status === 'Pending' || status === 'ContainerCreating' || status.startsWith('Init:')) return 'pending';
  if (status === 'Terminating') return 'leaving';
  return 'bad';
}
