-- The note writer (issue 19): templates stored and versioned, and the notes issued from them. A template is never
-- changed in place: saving makes a new version, so a note issued from version 3 can be written again from it.
CREATE TABLE note_template (
    code       varchar(60) NOT NULL,
    version    integer     NOT NULL CHECK (version > 0),
    body       text        NOT NULL,
    shipped    boolean     NOT NULL DEFAULT false,
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (code, version)
);

-- An issued note: what it was written from (template version, parameters, language, the date it bears and the
-- warehouse dataset versions read, as JSON [{indicator, dataset, version}]) and the three files as issued, so
-- that it can be downloaded as it went out and written again to the same bytes.
CREATE TABLE note_issue (
    id               uuid PRIMARY KEY,
    template_code    varchar(60) NOT NULL,
    template_version integer     NOT NULL,
    language         varchar(2)  NOT NULL CHECK (language IN ('kk', 'ru', 'en')),
    region           varchar(12),
    period           varchar(10),
    issued_on        date        NOT NULL,
    data_versions    text        NOT NULL DEFAULT '[]',
    issued_by        text        NOT NULL,
    issued_at        timestamptz NOT NULL DEFAULT now(),
    job_id           uuid,
    title            text,
    docx             bytea,
    pdf              bytea,
    html             bytea,
    FOREIGN KEY (template_code, template_version) REFERENCES note_template (code, version)
);
CREATE INDEX note_issue_issued_at ON note_issue (issued_at DESC);
