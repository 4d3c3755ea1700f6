// Isolation cases of the action plan (criterion 2): its server actions, route handlers and pages.
// Same rules as cases.ts (read its header); kept apart so the feature owns its list.
import type { IsolationCases, PageCase } from "./case-types";

export const ACTION_PLAN_CASES: IsolationCases = {};

export const ACTION_PLAN_PAGE_CASES: Record<string, PageCase> = {};
