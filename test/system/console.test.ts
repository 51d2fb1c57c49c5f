/**
 * The console in Chromium: the pages a risk team uses, then the flow editor. One entry file so
 * that both run against one seeded demo server and one browser (see useConsole). The editor goes
 * first: its drafts are never released, while the pages' suite releases versions of demo flows.
 */
import './console-studio.suite.ts';
import './console-pages.suite.ts';
import './console-languages.suite.ts';
