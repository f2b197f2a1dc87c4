// The one place the collector reaches into the top-level convex/ folder for the generated API.
export { api } from "../../../convex/_generated/api.js";
