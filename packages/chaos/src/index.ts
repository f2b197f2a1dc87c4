export { runSoak, type SoakOptions } from "./soak.js";
export { makePlan, type Plan } from "./plan.js";
export { formatReport, type SoakReport } from "./report.js";
export * from "./invariants.js";
