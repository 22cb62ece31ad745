import { parseGs1 } from '@assay/core';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { normaliseCode } from '../../scanning/normalise-code';
import { storedStandIn, storeStandIn } from '../../scanning/scanner-settings';
import { useCameraScanner } from '../../scanning/use-camera-scanner';
import { useKeyboardWedge } from '../../scanning/use-keyboard-wedge';
import { CodeProblem, type Gs1Failure } from './gs1-text';
import { lookupPath } from './search-query';
import './officer.css';

/**
 * Scanning at the bench: the rear camera reads EAN/UPC, GS1-128, GS1 DataMatrix and QR codes; a
 * hand-held scanner typing into the page and a typed or pasted code work the same way. A readable
 * code opens its lookup; a malformed one is explained here, with what was read.
 */
export function Scan() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const video = useRef<HTMLVideoElement>(null);
  const [standIn, setStandIn] = useState(storedStandIn);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<Gs1Failure | null>(null);
  const id = useId();

  /** Opens the lookup of a well-formed code; says what is wrong with another and keeps scanning. */
  const accept = (raw: string): boolean => {
    const code = normaliseCode(raw, standIn);
    const parsed = parseGs1(code);
    if (!parsed.ok) {
      setProblem((current) => (current?.code === code ? current : { code, error: parsed.error }));
      return false;
    }
    navigate(lookupPath(code));
    return true;
  };
  const camera = useCameraScanner(video, accept);
  useKeyboardWedge((code) => {
    accept(code);
  });

  const cameraOff = camera === 'denied' || camera === 'unavailable' || camera === 'failed';
  return (
    <>
      <PageHeading>{t('scan.title')}</PageHeading>
      <p className="officer-actions">
        <Link className="button-link" to="/search">
          {t('scan.toSearch')}
        </Link>
      </p>
      {problem && <CodeProblem failure={problem} />}
      {cameraOff ? (
        <p className="notice" role="status">
          {t(`scan.camera.${camera}`)}
        </p>
      ) : (
        <>
          <p role="status" className="muted">
            {t(`scan.camera.${camera}`)}
          </p>
          <div className="scan-view">
            <video ref={video} muted playsInline aria-label={t('scan.cameraView')} />
            <span className="scan-frame" aria-hidden="true" />
          </div>
        </>
      )}
      <section aria-labelledby={`${id}-typed`}>
        <h2 id={`${id}-typed`}>{t('scan.typedTitle')}</h2>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (typed.trim()) accept(typed);
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-code`}>{t('scan.typedLabel')}</label>
            <p id={`${id}-code-hint`} className="field-hint">
              {t('scan.typedHint')}
            </p>
            <input
              id={`${id}-code`}
              type="text"
              inputMode="text"
              enterKeyHint="go"
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              aria-describedby={`${id}-code-hint`}
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
            />
          </div>
          <p className="actions">
            <button type="submit">{t('scan.lookUp')}</button>
          </p>
        </form>
        <details>
          <summary>{t('scan.scannerSettings')}</summary>
          <p>{t('scan.scannerIntro')}</p>
          <div className="field">
            <label htmlFor={`${id}-gs`}>{t('scan.standIn')}</label>
            <p id={`${id}-gs-hint`} className="field-hint">
              {t('scan.standInHint')}
            </p>
            <input
              id={`${id}-gs`}
              type="text"
              autoComplete="off"
              spellCheck={false}
              maxLength={10}
              aria-describedby={`${id}-gs-hint`}
              value={standIn}
              onChange={(event) => {
                setStandIn(event.target.value);
                storeStandIn(event.target.value);
              }}
            />
          </div>
        </details>
      </section>
    </>
  );
}
