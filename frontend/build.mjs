// Builds the public site's CSS and JavaScript into build/static (never committed).
// GOV.UK Frontend comes from npm; the partnership's colours arrive at run time as CSS
// custom properties from /branding.css, so one build serves every partnership.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const out = join(root, "build", "static");
const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");

mkdirSync(join(out, "css"), { recursive: true });
mkdirSync(join(out, "js"), { recursive: true });
mkdirSync(join(out, "images"), { recursive: true });

const result = sass.compile(join(root, "frontend", "scss", "hub.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
// The footer's Crown copyright crest belongs to GOV.UK, not to a partnership: its image is
// never shipped, so its references are dropped (hashed static files must all resolve).
const css = result.css.replace(/url\("[^"]*govuk-crest\.svg"\)/g, "none");
writeFileSync(join(out, "css", "hub.css"), css);

// The stylesheet every PDF is rendered with (hub/core/pdf.py): paper only, no GOV.UK import.
const pdf = sass.compile(join(root, "frontend", "scss", "pdf.scss"), { style: "compressed" });
writeFileSync(join(out, "css", "pdf.css"), pdf.css);

cpSync(join(govuk, "govuk-frontend.min.js"), join(out, "js", "govuk-frontend.min.js"));
cpSync(join(root, "frontend", "js"), join(out, "js"), { recursive: true });
cpSync(join(root, "frontend", "images"), join(out, "images"), { recursive: true });
console.log(`Built ${join(out, "css", "hub.css")} (${css.length} bytes)`);
