// Original file: proto/samsa/v1/common.proto


/**
 * Who leads a partition now, returned with NOT_LEADER_OR_FOLLOWER / FENCED_LEADER_EPOCH so a
 * client can redirect without a metadata round trip (KIP-951).
 */
export interface LeaderIdAndEpoch {
  /**
   * -1 when unknown or offline.
   */
  'leaderId'?: (number);
  'leaderEpoch'?: (number);
}

/**
 * Who leads a partition now, returned with NOT_LEADER_OR_FOLLOWER / FENCED_LEADER_EPOCH so a
 * client can redirect without a metadata round trip (KIP-951).
 */
export interface LeaderIdAndEpoch__Output {
  /**
   * -1 when unknown or offline.
   */
  'leaderId': (number);
  'leaderEpoch': (number);
}
