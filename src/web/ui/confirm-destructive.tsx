// A destructive action behind a dialog that says exactly what will happen, with the action named on
// its button (never a bare "OK"). The dialog stays open and shows the hub's reason if it fails.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { errorMessage } from './states.tsx';

export interface ConfirmDestructiveProps {
  title: string;
  /** What will happen, in plain words: what is removed, what stays, what stops. */
  consequences: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  children: (open: () => void) => ReactNode;
}

export function ConfirmDestructive({
  title,
  consequences,
  confirmLabel,
  onConfirm,
  children,
}: ConfirmDestructiveProps) {
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const close = () => {
    if (busy) return;
    setOpened(false);
    setError(null);
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setOpened(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {children(() => setOpened(true))}
      <Modal
        opened={opened}
        onClose={close}
        title={title}
        centered
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <Stack>
          <Text size="sm" component="div">
            {consequences}
          </Text>
          {error !== null && (
            <Alert color="red" role="alert" title="Nothing was changed">
              {errorMessage(error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={busy}>
              Cancel
            </Button>
            <Button color="red" onClick={confirm} loading={busy}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
