"use client";

// The questionnaire, one theme at a time. Every answer is saved as soon as it is given; a save
// that fails (offline, server down) is kept in localStorage and sent again on the `online`
// event, every few seconds, and on the next visit: an interrupted secretary never loses an answer.
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ClientActionResult } from "@/components/forms/use-action";
import { Button, buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { COMMENT_MAX_LENGTH, type SaveAnswerInput } from "@/lib/questionnaire/schemas";

export type FormPerson = { id: string; name: string };

export type FormAnswer = {
  optionKey: string | null;
  dontKnow: boolean;
  comment: string | null;
  revision: number;
  by: FormPerson | null;
  at: Date | string;
};

export type FormQuestion = {
  key: string;
  text: string;
  help: string;
  options: { key: string; label: string }[];
  answer: FormAnswer | null;
};

export type FormTheme = { key: string; title: string; description: string; questions: FormQuestion[] };

type SavedAnswer = { optionKey: string | null; dontKnow: boolean; comment: string | null; revision: number; by: FormPerson | null; at: Date | string };

export type SaveResult = {
  answer: SavedAnswer | null;
  conflict: { previous: { by: FormPerson | null; at: Date | string } } | null;
};

type Patch = Pick<SaveAnswerInput, "optionKey" | "dontKnow" | "comment">;
type Pending = { patch: Patch; seq: number; refused?: string };

const DONT_KNOW = "__je-ne-sais-pas";
const RETRY_MS = 4000;
const COMMENT_PAUSE_MS = 1200;

const timeFormat = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });

function storagePrefix(assessmentId: string) {
  return `ccd-questionnaire:${assessmentId}:`;
}

function readStored(assessmentId: string): Map<string, Patch> {
  const found = new Map<string, Patch>();
  try {
    const prefix = storagePrefix(assessmentId);
    for (let index = 0; index < localStorage.length; index++) {
      const key = localStorage.key(index);
      if (!key?.startsWith(prefix)) continue;
      const value: unknown = JSON.parse(localStorage.getItem(key) ?? "null");
      if (value && typeof value === "object") found.set(key.slice(prefix.length), value as Patch);
    }
  } catch {
    // Private browsing or a full storage: the page still saves, only without the safety net.
  }
  return found;
}

function store(assessmentId: string, questionKey: string, patch: Patch | null) {
  try {
    const key = storagePrefix(assessmentId) + questionKey;
    if (patch) localStorage.setItem(key, JSON.stringify(patch));
    else localStorage.removeItem(key);
  } catch {
    // See readStored.
  }
}

function merge(previous: Patch | undefined, patch: Patch): Patch {
  const merged: Patch = { ...previous, ...patch };
  // One choice at a time: an option replaces "Je ne sais pas" and the other way round.
  if ("optionKey" in patch) delete merged.dontKnow;
  if ("dontKnow" in patch) delete merged.optionKey;
  return merged;
}

function isAnswered(answer: Pick<FormAnswer, "optionKey" | "dontKnow"> | null | undefined) {
  return Boolean(answer && (answer.optionKey !== null || answer.dontKnow));
}

function applyPatch(answer: FormAnswer | null, patch: Patch): FormAnswer {
  const next: FormAnswer = answer ? { ...answer } : { optionKey: null, dontKnow: false, comment: null, revision: 0, by: null, at: new Date() };
  if (patch.optionKey !== undefined) {
    next.optionKey = patch.optionKey || null;
    if (next.optionKey) next.dontKnow = false;
  }
  if (patch.dontKnow !== undefined) {
    next.dontKnow = patch.dontKnow === true || patch.dontKnow === "true" || patch.dontKnow === "on";
    if (next.dontKnow) next.optionKey = null;
  }
  if (patch.comment !== undefined) next.comment = patch.comment || null;
  return next;
}

function pendingLabel(count: number) {
  return count === 1 ? "1 réponse en attente" : `${count} réponses en attente`;
}

export function QuestionnaireForm({
  assessmentId,
  themes,
  canAnswer,
  initialThemeKey,
  resumeQuestionKey,
  resultsHref,
  saveAction,
}: {
  assessmentId: string;
  themes: FormTheme[];
  canAnswer: boolean;
  initialThemeKey: string;
  /** The first unanswered question, shown on arrival; null when every question has an answer. */
  resumeQuestionKey: string | null;
  resultsHref: string;
  saveAction: (input: SaveAnswerInput) => Promise<ClientActionResult<SaveResult>>;
}) {
  const [answers, setAnswers] = useState<Record<string, FormAnswer | null>>(() =>
    Object.fromEntries(themes.flatMap((theme) => theme.questions.map((question) => [question.key, question.answer]))),
  );
  const [activeKey, setActiveKey] = useState(initialThemeKey);
  const [pendingKeys, setPendingKeys] = useState<string[]>([]);
  const [inFlight, setInFlight] = useState(0);
  const [offline, setOffline] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflicts, setConflicts] = useState<Record<string, string>>({});
  const [comments, setComments] = useState<Record<string, string>>(() =>
    Object.fromEntries(themes.flatMap((theme) => theme.questions.map((question) => [question.key, question.answer?.comment ?? ""]))),
  );

  // The source of truth for what is still to send; mirrored in localStorage and in pendingKeys.
  const pending = useRef(new Map<string, Pending>());
  const sending = useRef(new Set<string>());
  const revisions = useRef(new Map<string, number>());
  const sequence = useRef(0);
  const commentTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    for (const theme of themes) for (const question of theme.questions) revisions.current.set(question.key, question.answer?.revision ?? 0);
    // Only once: later revisions come from the saves themselves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const refreshPendingKeys = useCallback(() => setPendingKeys([...pending.current.keys()]), []);

  const send = useCallback(
    async (questionKey: string) => {
      const entry = pending.current.get(questionKey);
      if (!entry || entry.refused || sending.current.has(questionKey)) return;
      sending.current.add(questionKey);
      setInFlight((count) => count + 1);
      try {
        const outcome = await saveAction({ assessmentId, questionKey, ...entry.patch, baseRevision: revisions.current.get(questionKey) ?? 0 });
        setOffline(false);
        const current = pending.current.get(questionKey);
        if (!outcome.ok) {
          // A refusal (closed round, expired session…) is not retried by itself: it stays in the
          // browser and is sent again at the next change or the next visit.
          if (current) current.refused = outcome.message;
          setErrors((all) => ({ ...all, [questionKey]: outcome.message }));
          return;
        }
        setErrors((all) => {
          const { [questionKey]: _removed, ...rest } = all;
          return rest;
        });
        const saved = outcome.data.answer;
        if (saved) revisions.current.set(questionKey, saved.revision);
        const previous = outcome.data.conflict?.previous;
        if (previous && previous.by) {
          setConflicts((all) => ({ ...all, [questionKey]: `Modifié par ${previous.by!.name} à ${timeFormat.format(new Date(previous.at))}` }));
        }
        if (current && current.seq === entry.seq) {
          // Nothing changed while this save travelled: the server now holds the latest answer.
          pending.current.delete(questionKey);
          store(assessmentId, questionKey, null);
          if (saved) {
            setAnswers((all) => ({ ...all, [questionKey]: { ...saved } }));
          }
        }
      } catch {
        setOffline(true);
      } finally {
        sending.current.delete(questionKey);
        setInFlight((count) => count - 1);
        refreshPendingKeys();
      }
      // A change made while the save travelled goes right after it.
      const after = pending.current.get(questionKey);
      if (after && after.seq !== entry.seq && !after.refused) void send(questionKey);
    },
    [assessmentId, refreshPendingKeys, saveAction],
  );

  const flush = useCallback(() => {
    for (const key of pending.current.keys()) void send(key);
  }, [send]);

  const queue = useCallback(
    (questionKey: string, patch: Patch) => {
      const merged = merge(pending.current.get(questionKey)?.patch, patch);
      pending.current.set(questionKey, { patch: merged, seq: ++sequence.current });
      store(assessmentId, questionKey, merged);
      setAnswers((all) => ({ ...all, [questionKey]: applyPatch(all[questionKey] ?? null, patch) }));
      refreshPendingKeys();
      void send(questionKey);
    },
    [assessmentId, refreshPendingKeys, send],
  );

  // Answers left in the browser by an earlier visit are shown and sent again.
  useEffect(() => {
    if (!canAnswer) return;
    const stored = readStored(assessmentId);
    if (stored.size === 0) return;
    const known = new Set(themes.flatMap((theme) => theme.questions.map((question) => question.key)));
    for (const [questionKey, patch] of stored) {
      if (!known.has(questionKey)) {
        store(assessmentId, questionKey, null);
        continue;
      }
      pending.current.set(questionKey, { patch, seq: ++sequence.current });
      setAnswers((all) => ({ ...all, [questionKey]: applyPatch(all[questionKey] ?? null, patch) }));
      if (patch.comment !== undefined) setComments((all) => ({ ...all, [questionKey]: patch.comment ?? "" }));
    }
    refreshPendingKeys();
    flush();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Reopen where the person left off: the first unanswered question, or, once everything is
  // answered, the theme they were last reading.
  useEffect(() => {
    const themeStorageKey = `ccd-questionnaire-theme:${assessmentId}`;
    if (resumeQuestionKey) {
      const index = themes.find((theme) => theme.key === initialThemeKey)?.questions.findIndex((question) => question.key === resumeQuestionKey) ?? 0;
      if (index > 0) document.getElementById(`q-${resumeQuestionKey}`)?.scrollIntoView({ block: "center" });
      return;
    }
    try {
      const last = localStorage.getItem(themeStorageKey);
      if (last && themes.some((theme) => theme.key === last)) setActiveKey(last);
    } catch {
      // No storage: start at the first theme.
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    try {
      localStorage.setItem(`ccd-questionnaire-theme:${assessmentId}`, activeKey);
    } catch {
      // See above.
    }
  }, [activeKey, assessmentId]);

  useEffect(() => {
    if (!canAnswer) return;
    const retry = () => {
      if (pending.current.size > 0) flush();
    };
    window.addEventListener("online", retry);
    const timer = setInterval(retry, RETRY_MS);
    return () => {
      window.removeEventListener("online", retry);
      clearInterval(timer);
    };
  }, [canAnswer, flush]);

  // Leaving the page with unsent answers: the browser warns (they stay in localStorage anyway).
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (pending.current.size > 0 && !offline) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [offline]);

  function choose(questionKey: string, value: string) {
    if (value === DONT_KNOW) queue(questionKey, { dontKnow: true });
    else queue(questionKey, { optionKey: value });
  }

  function typeComment(questionKey: string, value: string) {
    setComments((all) => ({ ...all, [questionKey]: value }));
    const timers = commentTimers.current;
    clearTimeout(timers.get(questionKey));
    timers.set(
      questionKey,
      setTimeout(() => saveComment(questionKey, value), COMMENT_PAUSE_MS),
    );
  }

  function saveComment(questionKey: string, value: string) {
    clearTimeout(commentTimers.current.get(questionKey));
    commentTimers.current.delete(questionKey);
    const stored = answers[questionKey]?.comment ?? "";
    const queued = pending.current.get(questionKey)?.patch.comment;
    if (value.trim() === (queued !== undefined ? (queued ?? "") : stored).trim()) return;
    queue(questionKey, { comment: value.slice(0, COMMENT_MAX_LENGTH) });
  }

  const progress = useMemo(
    () =>
      themes.map((theme) => ({
        key: theme.key,
        answered: theme.questions.filter((question) => isAnswered(answers[question.key])).length,
        total: theme.questions.length,
      })),
    [answers, themes],
  );
  const answeredCount = progress.reduce((sum, theme) => sum + theme.answered, 0);
  const totalCount = progress.reduce((sum, theme) => sum + theme.total, 0);
  const complete = answeredCount === totalCount && pendingKeys.length === 0;

  const activeIndex = Math.max(
    0,
    themes.findIndex((theme) => theme.key === activeKey),
  );
  const active = themes[activeIndex]!;

  function goTo(themeKey: string) {
    setActiveKey(themeKey);
    requestAnimationFrame(() => {
      headingRef.current?.focus();
      headingRef.current?.scrollIntoView({ block: "start" });
    });
  }

  let status: string;
  if (pendingKeys.length > 0 && offline) status = `Hors ligne : ${pendingLabel(pendingKeys.length)}`;
  else if (inFlight > 0) status = "Enregistrement…";
  else if (pendingKeys.length > 0) status = `Non enregistré : ${pendingLabel(pendingKeys.length)}`;
  else status = "Enregistré";

  return (
    <div className="grid gap-8 lg:grid-cols-[18rem_1fr]">
      <nav aria-label="Thèmes du questionnaire" className="lg:sticky lg:top-4 lg:self-start">
        <p className="mb-3 font-semibold">
          {answeredCount} / {totalCount} questions répondues
        </p>
        <ol className="space-y-1">
          {themes.map((theme, index) => {
            const done = progress[index]!;
            const current = theme.key === active.key;
            return (
              <li key={theme.key}>
                <button
                  type="button"
                  onClick={() => goTo(theme.key)}
                  aria-current={current ? "step" : undefined}
                  className={`flex min-h-11 w-full items-center justify-between gap-3 rounded-md px-3 py-2 text-left ${
                    current ? "bg-brand-700 text-white" : "hover:bg-brand-50"
                  }`}
                >
                  <span>{theme.title}</span>
                  <span className={`shrink-0 text-sm ${current ? "text-white" : "text-ink-muted"}`}>
                    {done.answered}/{done.total}
                    <span className="sr-only"> répondues</span>
                    {done.answered === done.total ? <span aria-hidden="true"> ✓</span> : null}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      </nav>

      <div className="min-w-0 space-y-6">
        <p
          role="status"
          data-testid="save-status"
          className={`sticky top-0 z-10 rounded-md border px-4 py-2 font-semibold ${offline && pendingKeys.length > 0 ? "border-danger-700 bg-danger-50" : "border-line bg-white"}`}
        >
          {canAnswer ? status : "Lecture seule : vous pouvez consulter les réponses, pas les modifier."}
        </p>

        {complete ? (
          <Notice tone="success" title="Questionnaire complet">
            <p>
              Toutes les questions ont une réponse.{" "}
              <Link href={resultsHref} className="font-semibold">
                Voir les résultats et les mesures recommandées
              </Link>
            </p>
          </Notice>
        ) : null}

        <section aria-labelledby="theme-titre" className="space-y-6">
          <div>
            <h2 id="theme-titre" ref={headingRef} tabIndex={-1} className="text-2xl">
              {active.title}
            </h2>
            <p className="mt-2 text-ink-muted">{active.description}</p>
            <p className="mt-1 text-sm">
              {progress[activeIndex]!.answered}/{progress[activeIndex]!.total} répondues
            </p>
          </div>

          <ol className="space-y-6">
            {active.questions.map((question, index) => {
              const answer = answers[question.key] ?? null;
              const value = answer?.dontKnow ? DONT_KNOW : (answer?.optionKey ?? "");
              const name = `q-${question.key}`;
              const helpId = `${name}-aide`;
              const waiting = pendingKeys.includes(question.key);
              return (
                <li key={question.key} id={name} className="rounded-lg border border-line bg-white p-5 sm:p-6" data-question={question.key}>
                  <fieldset disabled={!canAnswer} className="space-y-3" aria-describedby={helpId}>
                    <legend className="text-lg font-semibold">
                      <span className="text-ink-muted">{index + 1}. </span>
                      {question.text}
                    </legend>
                    <details id={helpId} className="text-ink-muted">
                      <summary className="cursor-pointer text-brand-700 underline underline-offset-4">Pourquoi cette question ?</summary>
                      <p className="mt-2">{question.help}</p>
                    </details>
                    <div className="space-y-2">
                      {[...question.options, { key: DONT_KNOW, label: "Je ne sais pas" }].map((option) => (
                        <label key={option.key} className="flex min-h-11 cursor-pointer items-start gap-3 rounded-md border border-line px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
                          <input
                            type="radio"
                            name={name}
                            value={option.key}
                            checked={value === option.key}
                            onChange={() => choose(question.key, option.key)}
                            className="mt-1 size-5 shrink-0 accent-brand-700"
                          />
                          <span>{option.label}</span>
                        </label>
                      ))}
                    </div>
                    <div>
                      <label htmlFor={`${name}-commentaire`} className="block font-semibold">
                        Commentaire <span className="font-normal text-ink-muted">(facultatif)</span>
                      </label>
                      <textarea
                        id={`${name}-commentaire`}
                        rows={2}
                        maxLength={COMMENT_MAX_LENGTH}
                        value={comments[question.key] ?? ""}
                        onChange={(event) => typeComment(question.key, event.target.value)}
                        onBlur={(event) => saveComment(question.key, event.target.value)}
                        className="mt-1 w-full rounded-md border border-ink-muted px-3 py-2"
                      />
                    </div>
                  </fieldset>
                  <p className="mt-2 text-sm text-ink-muted" data-testid="question-state">
                    {errors[question.key] ? (
                      <span className="font-semibold text-danger-700">{errors[question.key]}</span>
                    ) : waiting ? (
                      offline ? "En attente de connexion" : "Enregistrement…"
                    ) : isAnswered(answer) ? (
                      "Réponse enregistrée"
                    ) : null}
                    {conflicts[question.key] ? <span className="ml-2 font-semibold text-ink">· {conflicts[question.key]}</span> : null}
                  </p>
                </li>
              );
            })}
          </ol>

          <div className="flex flex-wrap justify-between gap-3">
            {activeIndex > 0 ? (
              <Button variant="secondary" onClick={() => goTo(themes[activeIndex - 1]!.key)}>
                ← Thème précédent
              </Button>
            ) : (
              <span />
            )}
            {activeIndex < themes.length - 1 ? (
              <Button onClick={() => goTo(themes[activeIndex + 1]!.key)}>Thème suivant →</Button>
            ) : (
              <Link href={resultsHref} className={buttonClasses("primary")}>
                Voir les résultats
              </Link>
            )}
          </div>
        </section>
      </div>
    </div>
  );
}
