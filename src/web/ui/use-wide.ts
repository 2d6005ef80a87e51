// Whether the screen is wide enough for a table (Mantine's `sm` breakpoint and up). Lists render one
// layout — table or cards — rather than both with one hidden by CSS: at 50 rows a page, rendering
// both doubled the time to the first row.
import { useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

export function useWide(): boolean {
  const theme = useMantineTheme();
  // Read at the first render, so the page does not draw the wrong layout and then the right one.
  return useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, true, { getInitialValueInEffect: false });
}
