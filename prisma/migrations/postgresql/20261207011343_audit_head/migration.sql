-- CreateTable
CREATE TABLE "AuditHead" (
    "id" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditHead_pkey" PRIMARY KEY ("id")
);


-- The chain as it stands ends where its head starts.
INSERT INTO "AuditHead" ("id", "seq", "hash")
SELECT 1, "seq", "hash" FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1;

-- The head only moves forward, with the chain, and is never removed: verification then
-- finds events deleted from the chain's end, which would otherwise still link up.
CREATE FUNCTION "gateboard_audit_head_forward_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."id" = OLD."id" AND NEW."seq" > OLD."seq" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'AuditHead only moves forward: % refused', TG_OP;
END;
$$;

CREATE TRIGGER "AuditHead_forward_only" BEFORE UPDATE OR DELETE ON "AuditHead"
  FOR EACH ROW EXECUTE FUNCTION "gateboard_audit_head_forward_only"();

CREATE TRIGGER "AuditHead_no_truncate" BEFORE TRUNCATE ON "AuditHead"
  FOR EACH STATEMENT EXECUTE FUNCTION "gateboard_audit_head_forward_only"();
