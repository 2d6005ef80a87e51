// The portal's Mantine theme, tuned so every text passes WCAG AA contrast (axe checks it in the
// browser tests): Mantine's default shades put white on mid-tone fills and mid-tone text on tinted
// ("light") backgrounds, several of which fall below 4.5:1.
import {
  createTheme,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';

const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || parsed.shade !== undefined) return colors;
  const c = parsed.color;
  // Tinted, outlined and subtle variants: text from the darkest shade, darker still.
  if (input.variant === 'light' || input.variant === 'outline' || input.variant === 'subtle')
    return { ...colors, color: `color-mix(in srgb, var(--mantine-color-${c}-9), black 30%)` };
  // Filled red: shade 8 carries white text at 4.6:1 (shade 6: 3.3:1).
  if (input.variant === 'filled' && c === 'red')
    return { ...colors, background: 'var(--mantine-color-red-8)', hover: 'var(--mantine-color-red-9)' };
  return colors;
};

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 7 of indigo keeps white button text above 4.5:1; shade 6 is 4.0:1.
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'md',
  // Light fills (green, yellow) get dark text instead of white.
  autoContrast: true,
  // People who ask their system for less motion get no transitions (the browser tests too, so axe
  // never samples a colour halfway through a fade).
  respectReducedMotion: true,
  variantColorResolver,
});

// Mantine's "dimmed" grey (gray.6) is 3.3:1 on white; gray.7 is 8:1. A field's error text (red.6) is
// 3.3:1; red.8 is 5.1:1.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
  },
  dark: {},
});
