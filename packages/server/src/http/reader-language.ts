import type { FastifyRequest } from 'fastify';

/** The reader's language: an explicit `lang`, else their account language. */
export function readerLanguage(request: FastifyRequest, lang: string | undefined): string {
  if (lang) return lang;
  return request.auth.kind === 'session' ? request.auth.user.locale : 'en';
}
