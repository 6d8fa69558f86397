-- The audit log is append-only by privileges as well as by its triggers (decision 0011): the application's
-- database role owns nothing and is granted only SELECT and INSERT on a table whose comment begins with
-- "Append-only" (kz.agyn.platform.database.AppRoleGrants reads the comment at every start).
COMMENT ON TABLE audit_event IS
    'Append-only: every view, search and export of personal data. The application may read and insert, never change.';
