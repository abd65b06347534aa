-- Ranks are fractional-indexing keys ("Zz" < "a0" < "a0V"): they order byte by byte, upper
-- case before lower case. The database's default collation (e.g. en_US.UTF-8) orders them
-- case-insensitively, which put a card moved to the top of a column at its bottom. "C" is
-- byte order, the same as JavaScript's string comparison and SQLite's BINARY collation.
ALTER TABLE "Ticket" ALTER COLUMN "rank" TYPE TEXT COLLATE "C";
