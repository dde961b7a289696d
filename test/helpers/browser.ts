/**
 * Shared pieces of the browser tests (playwright-core driving Debian's
 * /usr/bin/chromium; tests skip when it is missing): launching, and an
 * axe-core accessibility run injected into a page or frame.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, chromium, type Frame, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/** Headless Chromium with nothing that calls home. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One axe violation, reduced to what a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Violations counted by impact, plus the serious and critical ones. */
export interface AxeSummary {
  counts: Record<'critical' | 'serious' | 'moderate' | 'minor', number>;
  severe: AxeViolation[];
  /** Rules that ran and passed (proof the run looked at the page). */
  passes: number;
}

/**
 * Run axe-core (WCAG 2.1 A/AA rules and best practices) in a page or frame.
 * Injected through `evaluate`, so the app's strict CSP needs no exception.
 */
export async function runAxe(target: Page | Frame): Promise<AxeSummary> {
  await target.evaluate(AXE_SOURCE);
  const { violations, passes } = await target.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is a global injected above
    const axe = (window as any).axe;
    const r = await axe.run(document, { iframes: false, resultTypes: ['violations'] });
    const list = (r.violations as Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>).map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
    return { violations: list, passes: (r.passes as unknown[]).length };
  });
  const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const v of violations) {
    const k = (v.impact ?? 'minor') as keyof typeof counts;
    counts[k] += 1;
  }
  return { counts, severe: violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), passes };
}
