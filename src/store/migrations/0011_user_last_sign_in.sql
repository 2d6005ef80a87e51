-- When each user last signed in, for the portal's user list (sessions alone forget it on sign-out).
ALTER TABLE users ADD COLUMN last_sign_in_at timestamptz;
