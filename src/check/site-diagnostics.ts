/** The site link check (site-links.ts) as `npm run check` diagnostics: on the slide when the link is on one. */
import { join } from 'node:path';
import { siteIsStale } from '../export/site.js';
import type { Diagnostic } from '../model/types.js';
import { readCourseSettings } from '../project/course.js';
import { checkSiteLinks, isBuiltSite, type SiteLinkProblem } from './site-links.js';

export const SITE_LINK_CODE = 'site-link-broken';

export function problemToDiagnostic(p: SiteLinkProblem): Diagnostic {
  return {
    code: SITE_LINK_CODE,
    file: p.source?.file ?? `dist/${p.page}`,
    line: p.source?.line ?? 1,
    severity: 'error',
    message: `broken link in the built site: \`${p.url}\` ${p.source ? `(dist/${p.page}) ` : ''}${p.reason}`,
    hint: p.source
      ? 'fix the link on this slide'
      : 'a page of the site links to a file the site does not have: rebuild (`npm run build`, or `npm run site` for the PDFs and previews)',
  };
}

export function siteLinkDiagnostics(root: string): {
  diagnostics: Diagnostic[];
  checked?: { pages: number; links: number };
  skipped?: string;
} {
  const dist = join(root, 'dist');
  if (!isBuiltSite(dist)) return { diagnostics: [], skipped: 'no built site in dist/' };
  const stale = siteIsStale(root);
  if (stale) return { diagnostics: [], skipped: `dist/ is out of date (${stale})` };
  const report = checkSiteLinks(dist, readCourseSettings(root).settings.url);
  return { diagnostics: report.problems.map(problemToDiagnostic), checked: { pages: report.pages, links: report.links } };
}
