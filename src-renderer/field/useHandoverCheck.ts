import { useCallback, useEffect, useState } from 'react';
import type { HandoverCheck } from '../../src-shared/api/ops/field-handover';
import { useFieldCall } from './useFieldCall';
import { useFieldStore } from './field-store';

/** How often the screen asks again while the laptop's payments are on their way. */
const askAgainMs = 1000;

/**
 * The check before an entrega de recaudo (field.handoverCheck), asked again every second while
 * the payments are `sending`, so the collector sees the count of records left go down.
 */
export function useHandoverCheck(): {
  readonly check: HandoverCheck | null;
  readonly problem: string | null;
  readonly again: () => void;
} {
  const call = useFieldCall();
  const changed = useFieldStore((state) => state.changed);
  const [check, setCheck] = useState<HandoverCheck | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [asks, setAsks] = useState(0);
  const again = useCallback(() => setAsks((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    let timer: number | undefined;
    void call('field.handoverCheck', {}).then((result) => {
      if (!live) return;
      if (!result.ok) return setProblem(result.error.message);
      setProblem(null);
      setCheck(result.value);
      if (result.value.stage === 'sending') timer = window.setTimeout(again, askAgainMs);
      // Records just went out: the status bar's unsent count reads again now, not in 15 s.
      else changed();
    });
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [call, asks, again, changed]);

  return { check, problem, again };
}
