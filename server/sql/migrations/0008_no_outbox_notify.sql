-- A NOTIFY in every writing transaction serialises their commits (PostgreSQL takes a global
-- lock on the notification queue at commit), which undoes group commit under load: measured
-- here, holds fell to about one per fsync. The relay polls the unstamped rows instead (an
-- index scan every 10 ms); only the relay itself notifies, once per pass.
DROP TRIGGER outbox_wake ON outbox;
DROP FUNCTION outbox_wake();
