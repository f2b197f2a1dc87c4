/// <reference types="vite/client" />
// The explicit module map convex-test needs for a top-level convex/ folder.
export const modules = import.meta.glob("./**/!(*.*.*)*.*s");
