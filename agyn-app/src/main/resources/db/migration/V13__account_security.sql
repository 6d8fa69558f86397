-- Sessions end when an administrator changes a user (disables them, changes their roles, resets their password)
-- or when the user changes their own password: each change raises the stamp, and a session signed in under an
-- older stamp is ended on its next request (kz.agyn.account.web.SessionCheck).
ALTER TABLE app_user ADD COLUMN security_stamp bigint NOT NULL DEFAULT 0;

-- Personal API tokens expire. Tokens made before this version get 90 days from the upgrade, so that no script
-- stops the day it is installed; why a token was revoked is kept for its owner's page.
ALTER TABLE api_token ADD COLUMN expires_at timestamptz;
UPDATE api_token SET expires_at = now() + interval '90 days' WHERE expires_at IS NULL;
ALTER TABLE api_token ALTER COLUMN expires_at SET NOT NULL;
ALTER TABLE api_token ADD COLUMN revoked_reason varchar(24)
    CHECK (revoked_reason IN ('OWNER', 'PASSWORD_RESET'));
UPDATE api_token SET revoked_reason = 'OWNER' WHERE revoked_at IS NOT NULL;
