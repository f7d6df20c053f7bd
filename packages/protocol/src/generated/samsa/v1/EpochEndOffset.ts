// Original file: proto/samsa/v1/common.proto

import type { Long } from '@grpc/proto-loader';

/**
 * The last offset (exclusive) of a leader epoch in a log: the leader answers a diverging
 * follower with the largest epoch it has that is <= the follower's last fetched epoch, and the
 * end offset of that epoch (KIP-320 / KIP-595 style truncation).
 */
export interface EpochEndOffset {
  'epoch'?: (number);
  'endOffset'?: (number | string | Long);
}

/**
 * The last offset (exclusive) of a leader epoch in a log: the leader answers a diverging
 * follower with the largest epoch it has that is <= the follower's last fetched epoch, and the
 * end offset of that epoch (KIP-320 / KIP-595 style truncation).
 */
export interface EpochEndOffset__Output {
  'epoch': (number);
  'endOffset': (string);
}
