// Convex verifies the JWTs that Convex Auth issues: the issuer is this deployment's site URL.
export default {
  providers: [
    {
      // Convex sets CONVEX_SITE_URL itself; auth.config.ts is evaluated at push time.
      // eslint-disable-next-line @convex-dev/no-process-env
      domain: process.env.CONVEX_SITE_URL,
      applicationID: "convex",
    },
  ],
};
