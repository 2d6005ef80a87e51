// A destructive action behind its own confirm dialog (ConfirmDialog): for a single button. A list of
// many rows uses useConfirm instead, with one dialog for all of them.
import { useState, type ReactNode } from 'react';
import { ConfirmDialog, type ConfirmRequest } from './confirm-dialog.tsx';

export interface ConfirmDestructiveProps extends ConfirmRequest {
  children: (open: () => void) => ReactNode;
}

export function ConfirmDestructive({ children, ...request }: ConfirmDestructiveProps) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      {children(() => setOpened(true))}
      <ConfirmDialog request={request} opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}
