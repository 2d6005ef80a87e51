// The billing section's heading and its three parts: change sets, settings per connection, history
// per organization (with the partner's report).
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';

const parts = [
  { to: '/billing', label: 'Change sets', exact: true },
  { to: '/billing/settings', label: 'Settings and sync' },
  { to: '/billing/history', label: 'History and report' },
];

export function BillingHeader({
  title,
  intro,
  aside,
}: {
  title: string;
  intro: ReactNode;
  aside?: ReactNode;
}) {
  const { pathname } = useLocation();
  return (
    <Stack gap="sm">
      <Group component="nav" aria-label="Billing" gap={4}>
        {parts.map((p) => {
          const current = p.exact ? pathname === p.to : pathname.startsWith(p.to);
          return (
            <Button
              key={p.to}
              component={Link}
              to={p.to}
              size="xs"
              variant={current ? 'light' : 'subtle'}
              aria-current={current ? 'page' : undefined}
            >
              {p.label}
            </Button>
          );
        })}
      </Group>
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1} size="h2">
            {title}
          </Title>
          <Text c="dimmed" maw={760}>
            {intro}
          </Text>
        </div>
        {aside}
      </Group>
    </Stack>
  );
}
