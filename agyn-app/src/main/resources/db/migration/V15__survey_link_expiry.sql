-- One-time survey links expire and can be revoked (issue 12). Each link gets an id, so that an analyst can name
-- one to revoke without the token (which is never stored), and the first characters of its token as a hint to
-- recognise it by among the links sent out.
ALTER TABLE survey_link ADD COLUMN id bigserial;
ALTER TABLE survey_link ADD CONSTRAINT survey_link_id_key UNIQUE (id);
ALTER TABLE survey_link ADD COLUMN token_hint varchar(8);
ALTER TABLE survey_link ADD COLUMN expires_at timestamptz;
ALTER TABLE survey_link ADD COLUMN revoked_at timestamptz;
ALTER TABLE survey_link ADD COLUMN revoked_by varchar(64);

-- Links issued before had no end: those still unused keep working for the default 30 days from the upgrade, so
-- that a link already sent to a respondent does not die the day the new version is installed.
UPDATE survey_link SET expires_at = greatest(created_at, now()) + interval '30 days' WHERE expires_at IS NULL;
ALTER TABLE survey_link ALTER COLUMN expires_at SET NOT NULL;
ALTER TABLE survey_link ADD CONSTRAINT survey_link_expires_after_created CHECK (expires_at > created_at);
ALTER TABLE survey_link ADD CONSTRAINT survey_link_revoked_by CHECK ((revoked_at IS NULL) = (revoked_by IS NULL));

CREATE INDEX survey_link_survey_idx ON survey_link (survey_id, created_at DESC);
