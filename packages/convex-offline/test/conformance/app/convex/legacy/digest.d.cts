// Types of digest.cjs (the functions directory skips names with two dots, as Convex's CLI does).
declare const digest: { md5: (text: string) => string };
export = digest;
