/**
 * A labelled form row: label, control, then its hint and its error, each with an id the control's
 * `aria-describedby` can name. The control stays the caller's (input, textarea, select), so its
 * refs, validation and descriptions stay where the form's logic is.
 */
import type { ReactNode } from 'react';

export interface FormFieldProps {
  /** The control's id, which the label points at. */
  id: string;
  label: ReactNode;
  /** `row`: label and control side by side, as in the console's snippet panel. @default 'stacked' */
  layout?: 'stacked' | 'row';
  hint?: ReactNode;
  /** @default `${id}-hint` */
  hintId?: string;
  /** Shown when set; says what is wrong and how to fix it. */
  error?: ReactNode;
  /** @default `${id}-error` */
  errorId?: string;
  /** After the hint and the error, e.g. advice announced live. */
  after?: ReactNode;
  children: ReactNode;
}

export default function FormField({
  id,
  label,
  layout = 'stacked',
  hint,
  hintId = `${id}-hint`,
  error,
  errorId = `${id}-error`,
  after,
  children,
}: FormFieldProps) {
  return (
    <div className={layout === 'row' ? 'kp-inline-form__row' : 'kp-field'}>
      <label htmlFor={id} className="kp-label">
        {label}
      </label>
      {children}
      {hint && (
        <p id={hintId} className="kp-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="kp-field-error">
          {error}
        </p>
      )}
      {after}
    </div>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps extends Omit<FormFieldProps, 'children'> {
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  /** `kp-input--auto` sizes the menu to its longest option. @default 'kp-input' */
  className?: string;
}

/** A `FormField` whose control is a plain menu of options. */
export function SelectField({ value, options, onChange, className = 'kp-input', ...field }: SelectFieldProps) {
  return (
    <FormField {...field}>
      <select id={field.id} className={className} value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FormField>
  );
}
