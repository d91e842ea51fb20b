import { NumberInput, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A calendar date as the browser's own date input ('YYYY-MM-DD'): no date-picker library to
 * download, and phones show their native picker.
 */
export function DateField({
  label,
  value,
  onChange,
  error,
  required,
  description,
  max,
  min,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: ReactNode;
  required?: boolean;
  description?: ReactNode;
  max?: string;
  min?: string;
}) {
  return (
    <TextInput
      type="date"
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      required={required}
      description={description}
      max={max}
      min={min}
    />
  );
}

/**
 * A whole number with Indonesian grouping (1.000.000), keyboard-only friendly (no spinner). Money
 * is whole rupiah: `prefix="Rp "` shows the unit, and decimals cannot be typed.
 */
export function IntField({
  label,
  value,
  onChange,
  error,
  required,
  description,
  prefix,
  allowNegative = false,
  disabled,
}: {
  label: string;
  value: number | string;
  onChange: (v: number | string) => void;
  error?: ReactNode;
  required?: boolean;
  description?: ReactNode;
  prefix?: string;
  allowNegative?: boolean;
  disabled?: boolean;
}) {
  return (
    <NumberInput
      label={label}
      value={value}
      onChange={onChange}
      error={error}
      required={required}
      description={description}
      prefix={prefix}
      disabled={disabled}
      thousandSeparator="."
      decimalSeparator=","
      allowDecimal={false}
      allowNegative={allowNegative}
      hideControls
      inputMode={allowNegative ? 'text' : 'numeric'}
    />
  );
}
