/** A text being written in one or more languages; `original` names the language it was written in. */
export interface LocalisedDraft {
  original: string;
  texts: Record<string, string>;
}

export function emptyLocalised(language: string): LocalisedDraft {
  return { original: language, texts: { [language]: '' } };
}

/**
 * The text to send: translations left empty are dropped. An optional text left empty everywhere is
 * no text at all; a required one keeps its empty original so the schema says it is required.
 */
export function localisedForApi(draft: LocalisedDraft, required: true): LocalisedDraft;
export function localisedForApi(draft: LocalisedDraft, required: false): LocalisedDraft | undefined;
export function localisedForApi(draft: LocalisedDraft, required: boolean): LocalisedDraft | undefined {
  const texts = Object.fromEntries(
    Object.entries(draft.texts)
      .map(([language, text]) => [language, text.trim()] as const)
      .filter(([language, text]) => text !== '' || language === draft.original),
  );
  if (!required && Object.values(texts).every((text) => text === '')) return undefined;
  return { original: draft.original, texts };
}
