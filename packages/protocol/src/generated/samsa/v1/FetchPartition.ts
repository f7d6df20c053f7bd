// Original file: proto/samsa/v1/broker.proto

import type { Long } from '@grpc/proto-loader';

export interface FetchPartition {
  'partition'?: (number);
  /**
   * The leader epoch the fetcher believes current; -1 to skip the check. A stale one is
   * FENCED_LEADER_EPOCH, a newer one UNKNOWN_LEADER_EPOCH.
   */
  'currentLeaderEpoch'?: (number);
  /**
   * The next offset to read: for a follower, its log end offset.
   */
  'fetchOffset'?: (number | string | Long);
  /**
   * The epoch of the last batch the follower has (-1 for none or for consumers); lets the
   * leader detect a diverged follower log.
   */
  'lastFetchedEpoch'?: (number);
  /**
   * The follower's log start offset; -1 for consumers.
   */
  'logStartOffset'?: (number | string | Long);
  /**
   * Bound on the bytes returned for this partition.
   */
  'partitionMaxBytes'?: (number);
}

export interface FetchPartition__Output {
  'partition': (number);
  /**
   * The leader epoch the fetcher believes current; -1 to skip the check. A stale one is
   * FENCED_LEADER_EPOCH, a newer one UNKNOWN_LEADER_EPOCH.
   */
  'currentLeaderEpoch': (number);
  /**
   * The next offset to read: for a follower, its log end offset.
   */
  'fetchOffset': (string);
  /**
   * The epoch of the last batch the follower has (-1 for none or for consumers); lets the
   * leader detect a diverged follower log.
   */
  'lastFetchedEpoch': (number);
  /**
   * The follower's log start offset; -1 for consumers.
   */
  'logStartOffset': (string);
  /**
   * Bound on the bytes returned for this partition.
   */
  'partitionMaxBytes': (number);
}
