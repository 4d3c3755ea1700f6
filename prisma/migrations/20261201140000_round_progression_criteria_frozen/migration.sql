-- A round's progression criteria are the rules renewing communes are measured against: they
-- may change while the round is in preparation (DRAFT) and never once it has opened. The
-- application refuses such edits (lib/progression/manage.ts); this trigger is the last line,
-- whatever code runs. A DRAFT round may receive its criteria in the same statement that opens it.

CREATE FUNCTION refuse_open_round_criteria_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'DRAFT' AND NEW."progressionCriteria" IS DISTINCT FROM OLD."progressionCriteria" THEN
    RAISE EXCEPTION 'progression criteria of round % are frozen once the round is no longer in preparation', OLD.id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Round_progression_criteria_frozen" BEFORE UPDATE OF "progressionCriteria" ON "Round"
  FOR EACH ROW EXECUTE FUNCTION refuse_open_round_criteria_change();
