// Invite a user: e-mail, name, partner and a role the inviter may grant (the hub refuses others,
// so others are not offered). The answer's one-time password is shown once, with what to tell them.
import { Button, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useCurrentUser } from '../../../auth/current-user.tsx';
import { assignableRoles, roleLabels, type PartnerRole } from '../../../auth/permissions.ts';
import type { Invited, Partner } from '../../../client/types.ts';
import { useInviteUser } from '../../../hooks/use-users.ts';
import { fieldErrors } from '../../../ui/field-errors.ts';
import { OneTimeSecret } from '../../../ui/one-time-secret.tsx';
import { errorMessage } from '../../../ui/states.tsx';

export function InviteUser({ partners }: { partners: Partner[] }) {
  const { user, partner } = useCurrentUser();
  const roles = assignableRoles(user);
  const invite = useInviteUser();
  const [opened, setOpened] = useState(false);
  const [invited, setInvited] = useState<Invited | null>(null);
  const [form, setForm] = useState({ email: '', name: '', partnerId: '', role: 'viewer' as PartnerRole });
  const errors = fieldErrors(invite.error);
  const unclaimed =
    invite.isError && !['email', 'name', 'partnerId', 'role'].some((f) => errors[f])
      ? errorMessage(invite.error)
      : null;
  const open = () => {
    invite.reset();
    setInvited(null);
    setForm({ email: '', name: '', partnerId: partner?.id ?? partners[0]?.id ?? '', role: 'viewer' });
    setOpened(true);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate(
      { ...form, email: form.email.trim(), name: form.name.trim() },
      { onSuccess: (answer) => setInvited(answer) },
    );
  };
  const set = (name: keyof typeof form) => (value: string | null) =>
    setForm((f) => ({ ...f, [name]: value ?? '' }));
  return (
    <>
      <Button onClick={open}>Invite a user</Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={invited ? `${invited.user.name} is invited` : 'Invite a user'}
        centered
        size="lg"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {invited ? (
          <OneTimeSecret
            label="One-time password"
            value={invited.oneTimePassword}
            onDone={() => setOpened(false)}
          >
            <Text size="sm">
              Tell {invited.user.name} to sign in at {window.location.origin} with {invited.user.email} and
              this password, then choose their own password (the hub asks at once). Give it by another channel
              than e-mail, such as a call or chat.
            </Text>
          </OneTimeSecret>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <TextInput
                label="E-mail"
                type="email"
                required
                value={form.email}
                onChange={(e) => set('email')(e.currentTarget.value)}
                error={errors.email}
              />
              <TextInput
                label="Name"
                required
                value={form.name}
                onChange={(e) => set('name')(e.currentTarget.value)}
                error={errors.name}
              />
              <Select
                label="Partner"
                required
                searchable
                data={partners.map((p) => ({ value: p.id, label: p.name }))}
                value={form.partnerId || null}
                onChange={set('partnerId')}
                allowDeselect={false}
                error={errors.partnerId}
              />
              <Select
                label="Role"
                description="You can grant roles up to your own."
                required
                data={roles.map((r) => ({ value: r, label: roleLabels[r] }))}
                value={form.role}
                onChange={set('role')}
                allowDeselect={false}
                error={errors.role}
              />
              {unclaimed && (
                <Text c="red" size="sm" role="alert">
                  {unclaimed}
                </Text>
              )}
              <Button type="submit" loading={invite.isPending}>
                Invite
              </Button>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  );
}
