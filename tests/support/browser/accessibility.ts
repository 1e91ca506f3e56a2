import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AxeResults, ImpactValue, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * axe-core's engine, evaluated in the page by the tests only: the app never ships it, and
 * `page.evaluate` runs it without loosening the page's strict CSP (an injected <script> tag
 * would be refused by it).
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Each screen's full axe report: `artifacts/accessibility/<screen>.json`. */
export const accessibilityDir = fileURLToPath(new URL('../../../artifacts/accessibility/', import.meta.url));

/** What fails a screen: the impacts axe gives to barriers that stop or seriously hinder someone. */
const failingImpacts: readonly ImpactValue[] = ['serious', 'critical'];

/**
 * Every rule axe has for WCAG 2.x A/AA and its best practices, plus target-size (WCAG 2.2,
 * 24 px; off in axe by default: the kiosk's own 64 px check below is stricter).
 */
const runOptions: RunOptions = {
  resultTypes: ['violations'],
  // The only frame the app shows is a PDF in Chromium's viewer, which axe cannot enter (it would wait for it).
  iframes: false,
  rules: { 'target-size': { enabled: true } },
};

export interface AccessibilityOptions {
  /** CSS selectors axe should skip, each with the reason in a comment at the call. */
  readonly exclude?: readonly string[];
  /** Only these rules (e.g. `['color-contrast']` for a theme check). */
  readonly only?: readonly string[];
}

interface Finding {
  readonly rule: string;
  readonly impact: ImpactValue | null;
  readonly help: string;
  readonly helpUrl: string;
  readonly nodes: readonly { readonly target: string; readonly html: string; readonly summary: string }[];
}

async function runAxe(page: Page, options: AccessibilityOptions): Promise<Finding[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axeSource);
  const run: RunOptions =
    options.only === undefined ? runOptions : { ...runOptions, runOnly: { type: 'rule', values: [...options.only] } };
  const context = { exclude: (options.exclude ?? []).map((selector) => [selector]) };
  const results = await page.evaluate(
    ([ctx, opts]) =>
      (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<AxeResults> } }).axe.run(
        { include: [['html']], ...ctx },
        opts,
      ),
    [context, run] as const,
  );
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? null,
    help: violation.help,
    helpUrl: violation.helpUrl,
    nodes: violation.nodes.map((node) => ({
      target: node.target.join(' '),
      html: node.html.replace(/\s+/g, ' ').slice(0, 160),
      summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
    })),
  }));
}

function describeFindings(screen: string, findings: readonly Finding[]): string {
  const lines = [`${screen}: ${findings.length} serious or critical accessibility violation(s)`];
  for (const finding of findings) {
    lines.push(`  [${finding.impact ?? '?'}] ${finding.rule}: ${finding.help} (${finding.helpUrl})`);
    for (const node of finding.nodes) lines.push(`      ${node.target}  ${node.html}\n        ${node.summary}`);
  }
  return lines.join('\n');
}

/**
 * Runs axe on what the page shows now and fails on any serious or critical violation, naming
 * the rule, the elements and what axe says to fix. Every finding, moderate and minor ones
 * too, is kept in `artifacts/accessibility/<screen>.json` for review.
 */
export async function expectAccessible(page: Page, screen: string, options: AccessibilityOptions = {}): Promise<void> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(screen)) throw new Error(`Screen names are kebab-case: ${screen}`);
  const findings = await runAxe(page, options);
  await mkdir(accessibilityDir, { recursive: true });
  await writeFile(path.join(accessibilityDir, `${screen}.json`), `${JSON.stringify(findings, null, 2)}\n`);
  const failing = findings.filter((finding) => finding.impact !== null && failingImpacts.includes(finding.impact));
  if (failing.length > 0) throw new Error(describeFindings(screen, failing));
}

/** The smallest side a kiosk target may have: a fingertip, standing, at arm's length. */
export const minTouchPx = 64;

/** What a citizen can touch: buttons, links, the keyboard's keys, fields and the labels of boxes. */
const touchTargets =
  'button, a[href], [role="button"], [role="radio"], [role="checkbox"], [role="switch"], [role="tab"], input, textarea, select, summary';

interface SmallTarget {
  readonly name: string;
  readonly width: number;
  readonly height: number;
}

/**
 * Measures every visible target on the screen (bounding boxes) and fails on any smaller than
 * 64 px in either dimension. A checkbox or radio input is measured by its label, which is what
 * the finger touches. There are no exceptions on kiosk screens (docs/accessibility.md).
 */
export async function expectTouchTargets(page: Page, screen: string): Promise<void> {
  const small = await page.evaluate(
    ([selector, min]) => {
      const found: SmallTarget[] = [];
      for (const element of document.querySelectorAll<HTMLElement>(selector)) {
        if (element.closest('[aria-hidden="true"], [inert], dialog:not([open])') !== null) continue;
        if (element instanceof HTMLInputElement && element.type === 'hidden') continue;
        const style = getComputedStyle(element);
        if (style.visibility === 'hidden' || style.display === 'none') continue;
        const boxed = element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio');
        const target = boxed ? (element.closest('label') ?? element.labels?.[0] ?? element) : element;
        const box = target.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        if (box.width < min || box.height < min) {
          const name =
            element.getAttribute('aria-label') ??
            (element.innerText || element.getAttribute('name') || element.tagName).trim();
          found.push({
            name: name.replace(/\s+/g, ' ').slice(0, 60),
            width: Math.round(box.width),
            height: Math.round(box.height),
          });
        }
      }
      return found;
    },
    [touchTargets, minTouchPx] as const,
  );
  if (small.length > 0) {
    const list = small.map((target) => `  «${target.name}»: ${target.width}×${target.height} px`).join('\n');
    throw new Error(`${screen}: ${small.length} touch target(s) smaller than ${minTouchPx} px\n${list}`);
  }
}

/** A kiosk screen: axe, and every target large enough for a finger. */
export async function expectKioskScreenUsable(
  page: Page,
  screen: string,
  options: AccessibilityOptions = {},
): Promise<void> {
  const problems: string[] = [];
  for (const check of [() => expectAccessible(page, screen, options), () => expectTouchTargets(page, screen)]) {
    try {
      await check();
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (problems.length > 0) throw new Error(problems.join('\n\n'));
}
