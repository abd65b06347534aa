-- Nothing to do: SQLite compares text byte by byte (BINARY collation), the order ranks need.
-- (The PostgreSQL migration of the same name sets the rank column's collation to "C".)
SELECT 1;
