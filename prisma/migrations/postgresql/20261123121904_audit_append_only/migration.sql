-- The audit trail is append-only: the database itself refuses to change or remove an
-- event, whatever code or tool connects. (Hash-chain verification catches what bypasses this.)
CREATE FUNCTION "gateboard_audit_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER "AuditEvent_no_update_delete" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "gateboard_audit_append_only"();

CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "gateboard_audit_append_only"();
