import { type RefObject, useEffect, useRef, useState } from 'react';
import { loadReader, readFrame } from './camera-reader';

export type CameraState =
  | 'starting'
  | 'scanning'
  /** The officer or the browser refused the camera. */
  | 'denied'
  /** No camera, or a browser without camera access (or a page not served over HTTPS). */
  | 'unavailable'
  /** The barcode reader could not be loaded. */
  | 'failed';

/** A few frames a second: enough to catch a code held still, light on a phone's battery. */
const FRAME_INTERVAL_MS = 250;
/** Frames are read at most this wide; a barcode filling part of the view stays well resolved. */
const MAX_FRAME_WIDTH = 960;

function stateOfError(error: unknown): CameraState {
  const name = error instanceof DOMException ? error.name : '';
  return name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'unavailable';
}

/**
 * Shows the rear camera in `video` and reads a few frames a second, handing each barcode found to
 * `onCode`. Once it accepts one (returns true) the camera stops and the phone vibrates; a refused code
 * is not offered again while it stays in view. The camera also stops when the screen is left, and
 * while the page is hidden.
 */
export function useCameraScanner(
  video: RefObject<HTMLVideoElement | null>,
  onCode: (code: string) => boolean,
): CameraState {
  const [state, setState] = useState<CameraState>('starting');
  const handler = useRef(onCode);
  handler.current = onCode;

  useEffect(() => {
    /** For good: left the screen, or a code was accepted. */
    let stopped = false;
    /** Each start and each release moves this on, so a camera granted too late is let go. */
    let generation = 0;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let refused: string | null = null;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });

    const release = () => {
      generation += 1;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
      stream = null;
      if (video.current) video.current.srcObject = null;
    };

    const stop = () => {
      stopped = true;
      release();
    };

    const scan = async (run: number) => {
      const element = video.current;
      if (stopped || run !== generation || !element || !context) return;
      if (element.readyState >= element.HAVE_CURRENT_DATA && element.videoWidth > 0) {
        const scale = Math.min(1, MAX_FRAME_WIDTH / element.videoWidth);
        canvas.width = Math.round(element.videoWidth * scale);
        canvas.height = Math.round(element.videoHeight * scale);
        context.drawImage(element, 0, 0, canvas.width, canvas.height);
        const code = await readFrame(context.getImageData(0, 0, canvas.width, canvas.height)).catch(
          () => null,
        );
        if (stopped || run !== generation) return;
        if (code && code !== refused) {
          if (handler.current(code)) {
            stop();
            navigator.vibrate?.(120);
            return;
          }
          refused = code;
        }
      }
      timer = setTimeout(() => void scan(run), FRAME_INTERVAL_MS);
    };

    const start = async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setState('unavailable');
        return;
      }
      const run = ++generation;
      // Fetch the reader while the camera starts.
      const reader = loadReader();
      let granted: MediaStream;
      try {
        granted = await navigator.mediaDevices.getUserMedia({
          audio: false,
          video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
        });
      } catch (error) {
        if (!stopped && run === generation) setState(stateOfError(error));
        return;
      }
      if (stopped || run !== generation || !video.current) {
        for (const track of granted.getTracks()) track.stop();
        return;
      }
      stream = granted;
      video.current.srcObject = granted;
      await video.current.play().catch(() => undefined);
      try {
        await reader;
      } catch {
        stop();
        setState('failed');
        return;
      }
      if (stopped || run !== generation) return;
      setState('scanning');
      void scan(run);
    };

    // A hidden page (another app, the screen locked) lets the camera go: the light goes off and the
    // battery is spared; it starts again when the officer comes back.
    const onVisibility = () => {
      if (stopped) return;
      if (document.hidden) release();
      else if (!stream) void start();
    };
    document.addEventListener('visibilitychange', onVisibility);

    void start();
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      stop();
    };
  }, [video]);

  return state;
}
