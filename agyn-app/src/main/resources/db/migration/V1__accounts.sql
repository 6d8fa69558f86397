-- Users of the observatory, their roles and personal API tokens.
CREATE TABLE app_user (
    id                   bigserial PRIMARY KEY,
    username             varchar(64)  NOT NULL,
    password_hash        varchar(200) NOT NULL,
    display_name         varchar(200),
    locale               varchar(5)   NOT NULL DEFAULT 'kk' CHECK (locale IN ('kk', 'ru', 'en')),
    enabled              boolean      NOT NULL DEFAULT true,
    must_change_password boolean      NOT NULL DEFAULT false,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT app_user_username_format CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$')
);
CREATE UNIQUE INDEX app_user_username_idx ON app_user (lower(username));

CREATE TABLE app_user_role (
    user_id bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role    varchar(20) NOT NULL CHECK (role IN ('ADMIN', 'ANALYST', 'REGISTRY_OFFICER', 'VIEWER')),
    PRIMARY KEY (user_id, role)
);

-- Tokens are random 256-bit secrets shown once; only their SHA-256 is kept, so a leaked table reveals none.
CREATE TABLE api_token (
    id           bigserial PRIMARY KEY,
    user_id      bigint       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name         varchar(100) NOT NULL,
    token_hash   char(64)     NOT NULL UNIQUE,
    prefix       varchar(16)  NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_token_user_idx ON api_token (user_id);
