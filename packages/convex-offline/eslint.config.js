// The workspace config, plus this package's generated fixture code.
import root from "../../eslint.config.js";

export default [...root, { ignores: ["test/fixture-app/convex/_generated/**"] }];
