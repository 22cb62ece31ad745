import { type ReactNode, useId } from 'react';

interface Choice<V extends string> {
  value: V;
  label: string;
  description?: string;
}

interface GroupProps<V extends string> {
  legend: string;
  choices: readonly Choice<V>[];
  error?: string | undefined;
  hint?: string | undefined;
}

function GroupFrame({
  legend,
  error,
  hint,
  children,
}: {
  legend: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset
      className="choice-group"
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>{legend}</legend>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** One option; its explanation is a description, so the accessible name stays the short label. */
function ChoiceItem({
  label,
  description,
  input,
}: {
  label: string;
  description: string | undefined;
  input: (props: { id: string; 'aria-describedby': string | undefined }) => ReactNode;
}) {
  const id = useId();
  const descriptionId = description ? `${id}-description` : undefined;
  return (
    <div className="choice">
      {input({ id, 'aria-describedby': descriptionId })}
      <div>
        <label htmlFor={id} className="choice-label">
          {label}
        </label>
        {description && (
          <p id={descriptionId} className="choice-description">
            {description}
          </p>
        )}
      </div>
    </div>
  );
}

/** Several options, any number of which may be chosen (roles, scopes). */
export function CheckboxGroup<V extends string>({
  legend,
  choices,
  error,
  hint,
  value,
  onChange,
}: GroupProps<V> & { value: readonly V[]; onChange: (value: V[]) => void }) {
  return (
    <GroupFrame legend={legend} error={error} hint={hint}>
      {choices.map((choice) => (
        <ChoiceItem
          key={choice.value}
          label={choice.label}
          description={choice.description}
          input={(props) => (
            <input
              {...props}
              type="checkbox"
              checked={value.includes(choice.value)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? [...value, choice.value]
                    : value.filter((selected) => selected !== choice.value),
                )
              }
            />
          )}
        />
      ))}
    </GroupFrame>
  );
}

/** Exactly one option, each with room for an explanation (organisation kinds). */
export function RadioGroup<V extends string>({
  legend,
  choices,
  error,
  hint,
  value,
  onChange,
  name,
}: GroupProps<V> & { value: V | null; onChange: (value: V) => void; name: string }) {
  return (
    <GroupFrame legend={legend} error={error} hint={hint}>
      {choices.map((choice) => (
        <ChoiceItem
          key={choice.value}
          label={choice.label}
          description={choice.description}
          input={(props) => (
            <input
              {...props}
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
          )}
        />
      ))}
    </GroupFrame>
  );
}
