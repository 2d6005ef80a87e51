// The dialog of a destructive action: it says exactly what will happen, names the action on its button
// (never a bare "OK"), and stays open with the hub's reason if the action fails. Controlled, so a list
// of many rows keeps one dialog (useConfirm) instead of one per row.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useCallback, useState, type ReactNode } from 'react';
import { errorMessage } from './states.tsx';

export interface ConfirmRequest {
  title: string;
  /** What will happen, in plain words: what is removed, what stays, what stops. */
  consequences: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
}

export function ConfirmDialog({
  request,
  opened,
  onClose,
}: {
  /** Kept after closing, so the words stay while the dialog fades out. */
  request: ConfirmRequest | null;
  opened: boolean;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const close = () => {
    if (busy) return;
    setError(null);
    onClose();
  };
  const confirm = async () => {
    if (!request) return;
    setBusy(true);
    setError(null);
    try {
      await request.onConfirm();
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      opened={opened && request !== null}
      onClose={close}
      title={request?.title}
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack>
        <Text size="sm" component="div">
          {request?.consequences}
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
          <Button color="red" onClick={() => void confirm()} loading={busy}>
            {request?.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** One dialog for a whole list: `ask(request)` opens it; render `dialog` once. */
export function useConfirm(): { ask: (request: ConfirmRequest) => void; dialog: ReactNode } {
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const [opened, setOpened] = useState(false);
  const ask = useCallback((r: ConfirmRequest) => {
    setRequest(r);
    setOpened(true);
  }, []);
  return {
    ask,
    dialog: <ConfirmDialog request={request} opened={opened} onClose={() => setOpened(false)} />,
  };
}
