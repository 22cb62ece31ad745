import { useEffect, useRef } from 'react';
import { KeyboardWedge } from './keyboard-wedge';

/**
 * Listens for hand-held scanners typing into the page, wherever the focus is: a complete scan is
 * handed to `onCode` and its closing Enter kept from submitting whatever form has the focus.
 */
export function useKeyboardWedge(onCode: (code: string) => void): void {
  const handler = useRef(onCode);
  handler.current = onCode;
  useEffect(() => {
    const wedge = new KeyboardWedge();
    const onKeyDown = (event: KeyboardEvent) => {
      const outcome = wedge.push(event);
      if (outcome.kind === 'ignore') return;
      event.preventDefault();
      if (outcome.kind === 'code') {
        event.stopPropagation();
        handler.current(outcome.code);
      }
    };
    // Capture phase: the scan is recognised before a focused field acts on the Enter.
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
