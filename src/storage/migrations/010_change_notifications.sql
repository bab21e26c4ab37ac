-- Every node keeps a few things in memory (the signing keys its provider was built with). A change by
-- any process (a command, another node, the console) is announced on channel edusso_changes with the
-- table's name, so running nodes refresh at once instead of at their next poll.
CREATE OR REPLACE FUNCTION edusso_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('edusso_changes', TG_TABLE_NAME);
  RETURN NULL;
END $$;

CREATE TRIGGER signing_keys_changed AFTER INSERT OR UPDATE OR DELETE ON signing_keys
  FOR EACH STATEMENT EXECUTE FUNCTION edusso_notify_change();
CREATE TRIGGER clients_changed AFTER INSERT OR UPDATE OR DELETE ON clients
  FOR EACH STATEMENT EXECUTE FUNCTION edusso_notify_change();
CREATE TRIGGER county_providers_changed AFTER INSERT OR UPDATE OR DELETE ON county_providers
  FOR EACH STATEMENT EXECUTE FUNCTION edusso_notify_change();
