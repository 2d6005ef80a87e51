// A wide table that scrolls sideways inside its frame on a narrow screen; the frame is focusable and
// named, so a keyboard user can scroll it too.
import { ScrollArea } from '@mantine/core';
import type { ReactNode } from 'react';

export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ScrollArea type="auto" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': label }}>
      {children}
    </ScrollArea>
  );
}
