// A secret the hub shows exactly once (a new token, a source key, an invitee's one-time password):
// the value in a read-only field to select or copy, and the warning that it will not be shown again.
import { Alert, Button, CopyButton, Group, Stack, Text, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';

export function OneTimeSecret({
  label,
  value,
  children,
  onDone,
}: {
  label: string;
  value: string;
  /** What to do with it, beyond copying it now. */
  children?: ReactNode;
  onDone: () => void;
}) {
  return (
    <Alert color="yellow" title={`${label}: copy it now`} role="status">
      <Stack gap="sm">
        <Text size="sm">
          The hub keeps only a fingerprint of it: once you leave this message it cannot be shown again.
        </Text>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          {/* A textarea, not an input: a long token wraps on a phone, and no glyph (an underscore)
              is clipped by an input's fixed line height. */}
          <Textarea
            label={label}
            value={value}
            readOnly
            autosize
            minRows={1}
            onFocus={(e) => e.currentTarget.select()}
            styles={{ input: { fontFamily: 'monospace', wordBreak: 'break-all' } }}
            style={{ flex: 1, minWidth: 0 }}
          />
          <CopyButton value={value}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy} aria-label={`Copy ${label.toLowerCase()}`}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
        {children}
        <Group>
          <Button variant="light" color="yellow" onClick={onDone}>
            I have copied it
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
