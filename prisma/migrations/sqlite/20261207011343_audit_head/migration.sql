-- CreateTable
CREATE TABLE "AuditHead" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL
);


-- The chain as it stands ends where its head starts.
INSERT INTO "AuditHead" ("id", "seq", "hash")
SELECT 1, "seq", "hash" FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1;

-- The head only moves forward, with the chain, and is never removed: verification then
-- finds events deleted from the chain's end, which would otherwise still link up.
CREATE TRIGGER "AuditHead_forward_only" BEFORE UPDATE ON "AuditHead"
WHEN NEW."id" <> OLD."id" OR NEW."seq" <= OLD."seq"
BEGIN
  SELECT RAISE(ABORT, 'AuditHead only moves forward: UPDATE refused');
END;

CREATE TRIGGER "AuditHead_no_delete" BEFORE DELETE ON "AuditHead"
BEGIN
  SELECT RAISE(ABORT, 'AuditHead cannot be removed: DELETE refused');
END;
