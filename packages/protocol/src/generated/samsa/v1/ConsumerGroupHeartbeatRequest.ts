// Original file: proto/samsa/v1/broker.proto

import type { TopicNames as _samsa_v1_TopicNames, TopicNames__Output as _samsa_v1_TopicNames__Output } from '../../samsa/v1/TopicNames.js';
import type { Assignment as _samsa_v1_Assignment, Assignment__Output as _samsa_v1_Assignment__Output } from '../../samsa/v1/Assignment.js';

/**
 * KIP-848 ConsumerGroupHeartbeat: join (member_epoch 0), heartbeat, or leave (-1; -2 for a
 * static member's temporary leave).
 */
export interface ConsumerGroupHeartbeatRequest {
  'groupId'?: (string);
  /**
   * Empty when joining: the coordinator assigns one.
   */
  'memberId'?: (string);
  'memberEpoch'?: (number);
  /**
   * `group.instance.id` for static membership; empty for none.
   */
  'instanceId'?: (string);
  'rackId'?: (string);
  /**
   * -1 when unchanged.
   */
  'rebalanceTimeoutMs'?: (number);
  /**
   * Absent when unchanged since the last heartbeat.
   */
  'subscribedTopicNames'?: (_samsa_v1_TopicNames | null);
  /**
   * Empty for the coordinator's default assignor.
   */
  'serverAssignor'?: (string);
  /**
   * The partitions the member owns now; absent when unchanged.
   */
  'ownedPartitions'?: (_samsa_v1_Assignment | null);
  'clientId'?: (string);
}

/**
 * KIP-848 ConsumerGroupHeartbeat: join (member_epoch 0), heartbeat, or leave (-1; -2 for a
 * static member's temporary leave).
 */
export interface ConsumerGroupHeartbeatRequest__Output {
  'groupId': (string);
  /**
   * Empty when joining: the coordinator assigns one.
   */
  'memberId': (string);
  'memberEpoch': (number);
  /**
   * `group.instance.id` for static membership; empty for none.
   */
  'instanceId': (string);
  'rackId': (string);
  /**
   * -1 when unchanged.
   */
  'rebalanceTimeoutMs': (number);
  /**
   * Absent when unchanged since the last heartbeat.
   */
  'subscribedTopicNames': (_samsa_v1_TopicNames__Output | null);
  /**
   * Empty for the coordinator's default assignor.
   */
  'serverAssignor': (string);
  /**
   * The partitions the member owns now; absent when unchanged.
   */
  'ownedPartitions': (_samsa_v1_Assignment__Output | null);
  'clientId': (string);
}
