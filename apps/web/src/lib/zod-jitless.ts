import { z } from "zod";

// zod 4 probes for `new Function` to compile fast parsers; under our CSP (no 'unsafe-eval') the
// probe is reported as a violation, even though zod catches it. Browser code takes `z` from here,
// so the setting is made before any schema runs: it used to ride along on every page with the
// env schema, which the browser no longer loads.
z.config({ jitless: true });

export { z };
