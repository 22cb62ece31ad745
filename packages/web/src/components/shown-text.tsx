import type { ElementType } from 'react';
import { useTranslation } from 'react-i18next';
import { useContentLanguages } from '../i18n/content-languages';

/**
 * A small badge naming the language a text is shown in, for texts not in the reader's language
 * ("EN", titled "Shown in English: no French text entered"). The explanation is also read out by
 * screen readers, in the reader's language.
 */
export function LanguageMarker({ language }: { language: string }) {
  const { t } = useTranslation();
  const languages = useContentLanguages();
  const explanation = t('languageMarker.title', {
    shown: languages.inSentence(language),
    reader: languages.inSentence(languages.reader),
  });
  return (
    <span className="lang-badge" lang={language} title={explanation}>
      <span aria-hidden="true">{language.toUpperCase()}</span>
      <span className="visually-hidden" lang={languages.reader}>
        {explanation}
      </span>
    </span>
  );
}

interface ShownTextProps {
  text: string;
  language: string;
  /** Whether the text is in the reader's language; otherwise a {@link LanguageMarker} follows it. */
  isReaderLanguage: boolean;
  /** The element holding the text and its marker: a span by default, a heading or a paragraph. */
  as?: ElementType;
  className?: string;
}

/** A product text in whichever language it was found, marked with its `lang` and, if foreign, a badge. */
export function ShownText({
  text,
  language,
  isReaderLanguage,
  as: Element = 'span',
  className,
}: ShownTextProps) {
  return (
    <Element className={className}>
      <span lang={language}>{text}</span>
      {!isReaderLanguage && (
        <>
          {' '}
          <LanguageMarker language={language} />
        </>
      )}
    </Element>
  );
}
