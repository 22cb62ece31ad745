import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError } from '../api/client';

/** A problem with one field: the translation key of its message and the values it interpolates. */
export interface Problem {
  key: string;
  values?: Record<string, unknown>;
}
export type Problems = Record<string, Problem>;

/** Thrown by `check` to stop a submission whose input the shared schema refuses. */
class InvalidInput extends Error {
  readonly problems: Problems;
  constructor(problems: Problems) {
    super('Invalid input');
    this.problems = problems;
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) =>
      value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined,
    input,
  );
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function problemFor(issue: z.core.$ZodIssue, value: unknown): Problem {
  if (Array.isArray(value)) return { key: 'validation.choose_one' };
  if (isBlank(value)) return { key: 'validation.required' };
  switch (issue.code) {
    case 'too_small':
      return { key: 'validation.too_short', values: { limit: Number(issue.minimum) } };
    case 'too_big':
      return { key: 'validation.too_long', values: { limit: Number(issue.maximum) } };
    case 'invalid_format':
      if (issue.format === 'email') return { key: 'validation.email' };
      if (issue.format === 'url') return { key: 'validation.url' };
      return { key: 'validation.invalid' };
    default:
      return { key: 'validation.invalid' };
  }
}

/**
 * Submission state of one form: checks input against the schema the API uses (so both refuse the same
 * input), shows translated problems next to their fields and moves focus to the first one.
 * The server explains its refusals in English only: `serverProblems` names the translation to show for
 * a field it refused (a generic one by default).
 */
export function useForm(options: { serverProblems?: Record<string, string> } = {}) {
  const { t } = useTranslation();
  const { serverProblems } = options;
  const formRef = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const [error, setError] = useState<unknown>(null);
  const [problems, setProblems] = useState<Problems>({});

  useEffect(() => {
    if (Object.keys(problems).length === 0) return;
    formRef.current
      ?.querySelector<HTMLElement>('[aria-invalid="true"]:not(fieldset), fieldset[aria-invalid] input')
      ?.focus();
  }, [problems]);

  /**
   * Parses the input with the schema, or stops the submission showing its problems. `known` holds
   * problems the form found itself with a more precise message than the schema's (a GTIN's check
   * digit, say); they win over the schema's for the same field.
   */
  const check = useCallback(
    <S extends z.ZodType>(schema: S, input: unknown, known: Problems = {}): z.output<S> => {
      const result = schema.safeParse(input);
      if (result.success && Object.keys(known).length === 0) return result.data;
      const found: Problems = { ...known };
      for (const issue of result.error?.issues ?? []) {
        const path = issue.path.join('.');
        found[path] ??= problemFor(issue, valueAt(input, issue.path));
      }
      throw new InvalidInput(found);
    },
    [],
  );

  const onSubmit = useCallback(
    (action: () => Promise<void>) => async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(true);
      setError(null);
      setProblems({});
      try {
        await action();
      } catch (caught) {
        if (caught instanceof InvalidInput) {
          setProblems(caught.problems);
        } else {
          setError(caught);
          if (caught instanceof ApiError && caught.fieldProblems.length > 0) {
            setProblems(
              Object.fromEntries(
                caught.fieldProblems.map((p) => [
                  p.path,
                  { key: serverProblems?.[p.path] ?? 'validation.invalid' },
                ]),
              ),
            );
          }
        }
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [serverProblems],
  );

  const fieldError = (path: string): string | undefined => {
    const problem = problems[path];
    return problem ? t(problem.key, problem.values) : undefined;
  };

  return { formRef, busy, error, check, onSubmit, fieldError };
}

/** The first field problem under a list (`aliases.2` → the aliases field). */
export function listError(fieldError: (path: string) => string | undefined, path: string, count: number) {
  if (fieldError(path)) return fieldError(path);
  for (let index = 0; index < count; index++) {
    const error = fieldError(`${path}.${index}`);
    if (error) return error;
  }
  return undefined;
}
