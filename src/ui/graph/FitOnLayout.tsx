/**
 * Keeps the whole cluster in view as machines come and go and their pod lists grow, until
 * the user pans or zooms; from then on the camera is theirs.
 */
import { useOnViewportChange, useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';

export function FitOnLayout({ contentKey }: { readonly contentKey: string }) {
  const flow = useReactFlow();
  const userMoved = useRef(false);
  const fitting = useRef(false);
  useOnViewportChange({
    onStart: () => {
      // Viewport changes we start ourselves come without a user gesture in flight.
      if (!fitting.current) userMoved.current = true;
    },
  });
  useEffect(() => {
    if (userMoved.current) return;
    // Wait a frame so that React Flow has measured the changed nodes.
    const frame = requestAnimationFrame(() => {
      fitting.current = true;
      void flow.fitView({ padding: 0.05 }).finally(() => (fitting.current = false));
    });
    return () => cancelAnimationFrame(frame);
  }, [flow, contentKey]);
  return null;
}
