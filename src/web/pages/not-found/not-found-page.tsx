import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState } from '../../ui/states.tsx';

export function NotFoundPage() {
  return (
    <EmptyState
      title="There is no page here"
      next="The address may be mistyped, or the page was moved. Your integrations are one click away."
      action={
        <Button component={Link} to="/integrations">
          Go to integrations
        </Button>
      }
    />
  );
}
