// The generated Convex API, imported from the repository's top-level convex/ folder.
export { api } from "../../../convex/_generated/api.js";
export type { Id } from "../../../convex/_generated/dataModel.js";
