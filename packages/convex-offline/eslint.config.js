// The workspace config, plus this package's generated fixture code. The vendored engine keeps
// upstream's own eslint-disable comments byte-for-byte (the file is disabled as a whole), so unused
// directives are not reported there.
import root from "../../eslint.config.js";

export default [
  ...root,
  {
    ignores: [
      "test/fixture-app/convex/_generated/**",
      "test/conformance/app/convex/_generated/**",
      "test/conformance/components-app/convex/_generated/**",
      "test/conformance/local-component-app/convex/_generated/**",
      "test/conformance/local-component-app/convex/counter/_generated/**",
      "test/conformance/.apps/**",
    ],
  },
  {
    files: ["src/engine/vendor/**"],
    linterOptions: { reportUnusedDisableDirectives: "off" },
  },
];
