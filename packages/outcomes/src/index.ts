export * from "./types.js";
export { levelsFromParsed, consistent } from "./levels.js";
export { startTrack, applyPrice, applyLevels, applyAction, isFinal } from "./track.js";
export { resultAt, averageEntry, remainingShare } from "./result.js";
export { replay, tick, type SignalHistory } from "./replay.js";
export {
  checkClaim,
  CLAIM_TOLERANCE_MS,
  type Claim,
  type ClaimCheck,
  type ClaimVerdict,
} from "./claims.js";
export {
  trackRecord,
  outcomeOf,
  type ClosedTrade,
  type MonthRow,
  type TrackRecord,
} from "./stats.js";
export {
  bucketOf,
  recordFromBuckets,
  EMPTY_BUCKET,
  type BucketRecord,
  type DatedBucket,
  type StatsBucket,
} from "./buckets.js";
