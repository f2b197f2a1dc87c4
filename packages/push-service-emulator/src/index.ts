export { startPushService, type PushServiceEmulator, type PushServiceOptions } from "./server";
export { PushStore, type DecryptedMessage, type Fault, type FaultStatus } from "./store";
export { decryptAes128gcm, parseHeader } from "./aes128gcm";
export { verifyVapid, type VapidResult } from "./vapid";
export { generateSubscriptionKeys, type SubscriptionKeys } from "./keys";
export { fromBase64Url, toBase64Url } from "./base64url";
