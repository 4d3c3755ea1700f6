-- A published questionnaire version never changes: people answered against it, and next
-- year's scores are compared with it. The application refuses such edits (assertEditable);
-- these triggers are the last line, whatever code runs. See docs/decisions/005.

CREATE FUNCTION questionnaire_version_status(version_id TEXT) RETURNS "QuestionnaireStatus"
LANGUAGE sql STABLE AS $$
  SELECT status FROM "QuestionnaireVersion" WHERE id = version_id
$$;

CREATE FUNCTION refuse_published_questionnaire_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  -- Rows are read as JSON so one function serves tables with different columns.
  rows_touched JSONB[];
  touched JSONB;
  version_id TEXT;
BEGIN
  rows_touched := CASE TG_OP
    WHEN 'INSERT' THEN ARRAY[to_jsonb(NEW)]
    WHEN 'DELETE' THEN ARRAY[to_jsonb(OLD)]
    ELSE ARRAY[to_jsonb(OLD), to_jsonb(NEW)] END;
  FOREACH touched IN ARRAY rows_touched LOOP
    version_id := touched->>'versionId';
    IF version_id IS NULL THEN
      SELECT q."versionId" INTO version_id FROM "Question" q WHERE q.id = touched->>'questionId';
    END IF;
    IF questionnaire_version_status(version_id) = 'PUBLISHED' THEN
      RAISE EXCEPTION 'questionnaire version % is published and cannot change', version_id
        USING ERRCODE = 'check_violation';
    END IF;
  END LOOP;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "QuestionnaireTheme_published_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "QuestionnaireTheme"
  FOR EACH ROW EXECUTE FUNCTION refuse_published_questionnaire_change();
CREATE TRIGGER "Question_published_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "Question"
  FOR EACH ROW EXECUTE FUNCTION refuse_published_questionnaire_change();
CREATE TRIGGER "AnswerOption_published_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "AnswerOption"
  FOR EACH ROW EXECUTE FUNCTION refuse_published_questionnaire_change();
CREATE TRIGGER "RecommendedMeasure_published_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "RecommendedMeasure"
  FOR EACH ROW EXECUTE FUNCTION refuse_published_questionnaire_change();
CREATE TRIGGER "QuestionMeasure_published_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "QuestionMeasure"
  FOR EACH ROW EXECUTE FUNCTION refuse_published_questionnaire_change();

-- A published version keeps its key, title and status, and is never deleted.
CREATE FUNCTION refuse_published_version_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'PUBLISHED' AND (TG_OP = 'DELETE' OR NEW.key <> OLD.key OR NEW.title <> OLD.title
      OR NEW.status <> OLD.status OR NEW."publishedAt" IS DISTINCT FROM OLD."publishedAt") THEN
    RAISE EXCEPTION 'questionnaire version % is published and cannot change', OLD.id
      USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "QuestionnaireVersion_published_immutable" BEFORE UPDATE OR DELETE ON "QuestionnaireVersion"
  FOR EACH ROW EXECUTE FUNCTION refuse_published_version_change();
