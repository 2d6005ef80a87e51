// The heading of a connection's two mapping pages (plans, organizations), with the way back to the
// connection and across to the other mapping: plans come first, as an organization's billing needs
// its plans' products.
import { Anchor, Breadcrumbs, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import type { Connection } from '../../../client/types.ts';

export function MappingHeader({
  connection,
  title,
  intro,
}: {
  connection: Connection;
  title: string;
  intro: ReactNode;
}) {
  const { pathname } = useLocation();
  const parts = [
    { to: `/connections/${connection.id}/plans`, label: '1. Plans → products' },
    { to: `/connections/${connection.id}/organizations`, label: '2. Organizations → companies' },
  ];
  return (
    <Stack gap="sm">
      <Breadcrumbs>
        <Anchor component={Link} to="/integrations">
          Integrations
        </Anchor>
        <Anchor component={Link} to={`/connections/${connection.id}`}>
          {connection.name}
        </Anchor>
        <Text>{title}</Text>
      </Breadcrumbs>
      <Group component="nav" aria-label="Mapping" gap={4}>
        {parts.map((p) => {
          const current = pathname === p.to;
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
      <div>
        <Title order={1} size="h2">
          {title} of {connection.name}
        </Title>
        <Text c="dimmed" maw={760}>
          {intro}
        </Text>
      </div>
    </Stack>
  );
}
