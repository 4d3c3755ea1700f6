// Isolation cases of the Cyber Champion (criterion 3): its server actions, route handlers and
// pages. Same rules as cases.ts (read its header); kept apart so the feature owns its list.
import type { IsolationCases, PageCase } from "./case-types";

export const CHAMPION_CASES: IsolationCases = {};

export const CHAMPION_PAGE_CASES: Record<string, PageCase> = {};
