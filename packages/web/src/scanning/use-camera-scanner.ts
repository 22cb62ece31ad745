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
 * is not offered again while it stays in view. The camera also stops when the screen is left.
 */
export function useCameraScanner(
  video: RefObject<HTMLVideoElement | null>,
  onCode: (code: string) => boolean,
): CameraState {
  const [state, setState] = useState<CameraState>('starting');
  const handler = useRef(onCode);
  handler.current = onCode;

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let refused: string | null = null;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });

    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
      if (video.current) video.current.srcObject = null;
    };

    const scan = async () => {
      const element = video.current;
      if (stopped || !element || !context) return;
      if (element.readyState >= element.HAVE_CURRENT_DATA && element.videoWidth > 0) {
        const scale = Math.min(1, MAX_FRAME_WIDTH / element.videoWidth);
        canvas.width = Math.round(element.videoWidth * scale);
        canvas.height = Math.round(element.videoHeight * scale);
        context.drawImage(element, 0, 0, canvas.width, canvas.height);
        const code = await readFrame(context.getImageData(0, 0, canvas.width, canvas.height)).catch(
          () => null,
        );
        if (stopped) return;
        if (code && code !== refused) {
          if (handler.current(code)) {
            stop();
            navigator.vibrate?.(120);
            return;
          }
          refused = code;
        }
      }
      timer = setTimeout(scan, FRAME_INTERVAL_MS);
    };

    const start = async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setState('unavailable');
        return;
      }
      // Fetch the reader while the camera starts.
      const reader = loadReader();
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          audio: false,
          video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
        });
      } catch (error) {
        if (!stopped) setState(stateOfError(error));
        return;
      }
      if (stopped || !video.current) {
        stop();
        return;
      }
      video.current.srcObject = stream;
      await video.current.play().catch(() => undefined);
      try {
        await reader;
      } catch {
        stop();
        setState('failed');
        return;
      }
      if (stopped) return;
      setState('scanning');
      void scan();
    };

    void start();
    return stop;
  }, [video]);

  return state;
}
