// The fields a PSA needs, rendered from its description (GET /api/v1/psa-kinds): each labelled, with
// where to find it under it. Secret fields never show a stored value; `stored` says one exists.
import { Stack, TextInput } from '@mantine/core';
import type { PsaKind } from '../../../client/types.ts';
import { SecretInput } from '../../../ui/secret-input.tsx';

export interface CredentialValues {
  siteUrl: string;
  credentials: Record<string, string>;
}

export function initialValues(
  kind: PsaKind,
  hints: Record<string, string> = {},
  siteUrl?: string,
): CredentialValues {
  return {
    siteUrl: siteUrl ?? kind.siteUrl.default ?? '',
    credentials: Object.fromEntries(
      kind.credentials.map((f) => [f.name, f.secret ? '' : (hints[f.name] ?? '')]),
    ),
  };
}

export function CredentialFields({
  kind,
  values,
  onChange,
  errors,
  stored = false,
}: {
  kind: PsaKind;
  values: CredentialValues;
  onChange: (v: CredentialValues) => void;
  errors: Record<string, string>;
  stored?: boolean;
}) {
  const setCredential = (name: string, value: string) =>
    onChange({ ...values, credentials: { ...values.credentials, [name]: value } });
  return (
    <Stack>
      <TextInput
        label={kind.siteUrl.label}
        description={kind.siteUrl.help}
        placeholder={kind.siteUrl.example}
        required={kind.siteUrl.default === null}
        type="url"
        value={values.siteUrl}
        onChange={(e) => onChange({ ...values, siteUrl: e.currentTarget.value })}
        error={errors.siteUrl}
        name="siteUrl"
      />
      {kind.credentials.map((field) =>
        field.secret ? (
          <SecretInput
            key={field.name}
            name={field.name}
            label={field.label}
            description={
              stored
                ? `${field.help} The stored value is never shown: type it again, or a new one.`
                : field.help
            }
            stored={stored}
            required
            value={values.credentials[field.name] ?? ''}
            onChange={(e) => setCredential(field.name, e.currentTarget.value)}
            error={errors[field.name]}
          />
        ) : (
          <TextInput
            key={field.name}
            name={field.name}
            label={field.label}
            description={field.help}
            required
            autoComplete="off"
            spellCheck={false}
            value={values.credentials[field.name] ?? ''}
            onChange={(e) => setCredential(field.name, e.currentTarget.value)}
            error={errors[field.name]}
          />
        ),
      )}
    </Stack>
  );
}
