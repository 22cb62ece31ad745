import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from './copy-button';

/** Recovery codes, shown once: copy, download, then confirm they are kept somewhere safe. */
export function RecoveryCodes({
  codes,
  onDone,
  headingLevel = 2,
}: {
  codes: string[];
  onDone: () => void;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const text = codes.join('\n');
  const download = () => {
    const url = URL.createObjectURL(new Blob([`${text}\n`], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'assay-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <section className="recovery-codes" aria-labelledby="recovery-codes-title">
      <Heading id="recovery-codes-title" ref={headingRef} tabIndex={-1}>
        {t('recoveryCodes.title')}
      </Heading>
      <p>{t('recoveryCodes.explanation')}</p>
      <ol className="code-list" aria-label={t('recoveryCodes.listLabel')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="actions">
        <CopyButton text={text} label={t('recoveryCodes.copy')} />
        <button type="button" className="button-secondary" onClick={download}>
          {t('recoveryCodes.download')}
        </button>
      </div>
      <button type="button" onClick={onDone}>
        {t('recoveryCodes.saved')}
      </button>
    </section>
  );
}
