// Turns on GOV.UK Frontend's enhancements (Exit this page, navigation toggle, details).
// Pages are complete without it; nothing here is needed to read them.
import { initAll } from "./govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
