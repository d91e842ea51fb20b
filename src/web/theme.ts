import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** A calm navy for a government service; shade 6 (buttons, links) keeps white text above 7:1. */
const pas: MantineColorsTuple = [
  '#eaf0fa',
  '#d3def2',
  '#a6bde4',
  '#7799d4',
  '#4f78c2',
  '#3565b4',
  '#1f4f9e',
  '#19428a',
  '#133676',
  '#0c2a61',
];

export const theme = createTheme({
  primaryColor: 'pas',
  primaryShade: 6,
  colors: { pas },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
  autoContrast: true,
  components: {
    Badge: { defaultProps: { variant: 'light', radius: 'sm' } },
    Alert: { defaultProps: { variant: 'light' } },
  },
});

/**
 * Readable on white (WCAG AA 4.5:1): Mantine's default dimmed (gray 6) and error (red 6) text
 * are too light for small text, so darker shades are used.
 */
const STATUS_DARK: Record<string, [string, string]> = {
  red: ['#a61e1e', '#861616'],
  orange: ['#a33d00', '#842f00'],
  green: ['#1e6b2e', '#155222'],
};

export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  // Status colours (badges, alerts, danger buttons) use dark tones so text on them, or them as
  // text, keeps 4.5:1 whatever the variant.
  const status: Record<string, string> = {};
  for (const [c, [base, hover]] of Object.entries(STATUS_DARK)) {
    status[`--mantine-color-${c}-filled`] = base;
    status[`--mantine-color-${c}-filled-hover`] = hover;
    status[`--mantine-color-${c}-light-color`] = base;
    status[`--mantine-color-${c}-outline`] = base;
    status[`--mantine-color-${c}-text`] = base;
  }
  return {
    variables: {},
    light: {
      '--mantine-color-dimmed': t.colors.gray[7]!,
      '--mantine-color-error': STATUS_DARK.red![0],
      '--mantine-color-placeholder': t.colors.gray[6]!,
      ...status,
    },
    dark: {},
  };
};
