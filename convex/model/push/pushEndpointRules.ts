// The deployment's side of the endpoint rule: whether it runs on loopback (Convex sets
// CONVEX_CLOUD_URL itself, and so does the offline backend) and the push services it adds.
import { optionalEnv } from "../shared/env";
import { isLoopbackUrl } from "../shared/loopback";
import { parsePushServiceHosts } from "./pushEndpoints";

export function pushEndpointRules(): { loopbackDeployment: boolean; extraHosts: string[] } {
  return {
    loopbackDeployment: isLoopbackUrl(optionalEnv("CONVEX_CLOUD_URL")),
    extraHosts: parsePushServiceHosts(optionalEnv("PUSH_SERVICE_HOSTS")),
  };
}
