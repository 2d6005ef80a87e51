// Linking one organization by hand: pick the company (suggestions first, or search), then where each
// of its plans bills on that company. The hub checks the company and records against the PSA, and
// its refusal is shown in its own words.
import { Alert, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Suggestion } from '../../../client/types.ts';
import { useBillingTargets, useLinkOrganization, useOrgLink } from '../../../hooks/use-org-mapping.ts';
import { usePlanLinks } from '../../../hooks/use-plan-links.ts';
import { fieldErrors } from '../../../ui/field-errors.ts';
import { notify } from '../../../ui/notify.ts';
import { ErrorState, errorMessage, LoadingState } from '../../../ui/states.tsx';
import { BillingChoice, billingRequests, type BillingChoices } from './billing-choice.tsx';
import { CompanyPicker, type PickedCompany } from './company-picker.tsx';

export interface LinkTarget {
  id: string;
  name: string;
  suggestions: Suggestion[];
  current: { companyId: string; companyName: string } | null;
}

export function LinkDialog({
  connectionId,
  organization,
  onClose,
}: {
  connectionId: string;
  organization: LinkTarget;
  onClose: () => void;
}) {
  const [company, setCompany] = useState<PickedCompany | null>(
    organization.current
      ? { id: organization.current.companyId, name: organization.current.companyName, fromSuggestion: false }
      : null,
  );
  const [choices, setChoices] = useState<BillingChoices>({});
  const view = useOrgLink(organization.id);
  const planLinks = usePlanLinks(connectionId);
  const targets = useBillingTargets(connectionId, company?.id ?? null);
  const link = useLinkOrganization(connectionId, organization.id);
  const errors = fieldErrors(link.error);
  const plans = view.data?.plans ?? [];
  const productOf = (planId: string) =>
    planLinks.data?.find((l) => l.plan.id === planId)?.link?.productId ?? null;
  const submit = async () => {
    if (!company) return;
    const done = await link
      .mutateAsync({
        connectionId,
        companyId: company.id,
        billing: billingRequests(choices),
        ...(company.fromSuggestion ? { fromSuggestion: true } : {}),
      })
      .catch(() => null);
    if (!done) return;
    notify({ color: 'green', message: `${organization.name} is linked to ${company.name}.` });
    onClose();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={`Link ${organization.name}`}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack>
        <CompanyPicker
          connectionId={connectionId}
          suggestions={organization.suggestions}
          value={company}
          onChange={(c) => {
            setCompany(c);
            setChoices({});
          }}
          error={errors.companyId}
        />
        {company && (
          <Stack gap="xs" component="section" aria-labelledby="billing-choice-heading">
            <Title order={3} size="h5" id="billing-choice-heading">
              Billing on {company.name}
            </Title>
            {view.isPending || planLinks.isPending || targets.isPending ? (
              <LoadingState what="the company’s billing records" />
            ) : view.isError ? (
              <ErrorState
                what="the organization’s plans"
                error={view.error}
                onRetry={() => void view.refetch()}
              />
            ) : targets.isError ? (
              <ErrorState
                what="the company’s billing records"
                error={targets.error}
                onRetry={() => void targets.refetch()}
              />
            ) : (
              <BillingChoice
                plans={plans}
                productOf={productOf}
                targets={targets.data}
                choices={choices}
                onChange={setChoices}
              />
            )}
          </Stack>
        )}
        {link.isError && !errors.companyId && (
          <Alert color="red" role="alert" title="Not linked">
            {errorMessage(link.error)}
          </Alert>
        )}
        <Text size="xs" c="dimmed">
          The hub reads the company and its billing records in the PSA before it links.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void submit()} loading={link.isPending} disabled={!company}>
            {company ? `Link to ${company.name}` : 'Link to the chosen company'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
