// A secret credential field. The hub never returns a stored secret, so when one is stored the field
// starts empty and says so; typing replaces it, leaving it empty keeps what is stored (the caller
// decides what empty means). The value typed can be revealed, a stored one never can.
import { PasswordInput, type PasswordInputProps } from '@mantine/core';

export interface SecretInputProps extends Omit<PasswordInputProps, 'placeholder'> {
  /** A secret is stored for this field already. */
  stored?: boolean;
}

export function SecretInput({ stored = false, description, ...props }: SecretInputProps) {
  return (
    <PasswordInput
      autoComplete="off"
      spellCheck={false}
      placeholder={stored ? 'Stored — type a new one to replace it' : undefined}
      description={description}
      {...props}
    />
  );
}
