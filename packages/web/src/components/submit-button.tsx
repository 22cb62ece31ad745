import type { ReactNode } from 'react';

/**
 * A form's submit button. While the form is busy it is marked aria-disabled rather than disabled, so
 * it keeps keyboard focus (a disabled button drops it) and useForm ignores repeated submissions.
 */
export function SubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <button type="submit" aria-disabled={busy || undefined}>
      {children}
    </button>
  );
}
