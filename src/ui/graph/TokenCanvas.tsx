/**
 * One canvas over the graph where every trace record travels as a labelled dot from its
 * sender to its receiver. Drawing on a single canvas synced to the viewport keeps the frame
 * rate with thousands of tokens, where animated edges would not.
 */
import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { usePlayback } from '../state/playback-store.ts';
import type { RevealGate } from '../state/reveal-gate.ts';
import { caption } from './narrate.ts';
import type { TokenPlayer } from './token-player.ts';

type Anchors = ReadonlyMap<string, { readonly x: number; readonly y: number }>;

const ease = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

interface TokenCanvasProps {
  readonly player: TokenPlayer;
  /** Object changes wait here until the animation reaches their etcd write. */
  readonly gate: RevealGate;
  readonly anchors: Anchors;
}

export function TokenCanvas({ player, gate, anchors }: TokenCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const anchorsRef = useRef(anchors);
  const store = useStoreApi();

  useEffect(() => {
    anchorsRef.current = anchors;
  }, [anchors]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    let frame = 0;
    const draw = () => {
      frame = requestAnimationFrame(draw);
      const now = performance.now();
      const launched = player.advance(now, usePlayback.getState().speed);
      const last = launched[launched.length - 1];
      if (last) usePlayback.getState().shown(caption(last), launched.length);
      // Records the worker still holds back (paused, waiting for Step) keep their writes hidden too.
      const nothingWaiting = player.backlog === 0 && usePlayback.getState().held === 0;
      gate.release(player.revealedRevision, nothingWaiting);

      const ratio = window.devicePixelRatio || 1;
      const width = canvas.clientWidth;
      const height = canvas.clientHeight;
      if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
        canvas.width = Math.round(width * ratio);
        canvas.height = Math.round(height * ratio);
      }
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.clearRect(0, 0, width, height);
      const [tx, ty, zoom] = store.getState().transform;
      context.font = '11px system-ui, sans-serif';
      context.textBaseline = 'middle';
      for (const token of player.active) {
        const from = anchorsRef.current.get(token.from);
        const to = anchorsRef.current.get(token.to);
        if (!from || !to) continue;
        const t = ease(Math.min(1, Math.max(0, (now - token.startMs) / token.durationMs)));
        const x = (from.x + (to.x - from.x) * t) * zoom + tx;
        const y = (from.y + (to.y - from.y) * t) * zoom + ty;
        context.fillStyle = '#f59e0b';
        context.beginPath();
        context.arc(x, y, 6, 0, Math.PI * 2);
        context.fill();
        context.fillStyle = 'rgba(15, 23, 42, 0.85)';
        const labelWidth = context.measureText(token.label).width + 8;
        context.fillRect(x + 9, y - 8, labelWidth, 16);
        context.fillStyle = '#fef3c7';
        context.fillText(token.label, x + 13, y);
      }
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [player, gate, store]);

  return <canvas ref={canvasRef} className="token-canvas" aria-hidden="true" />;
}
