// Original file: proto/samsa/v1/controller.proto


/**
 * The new leader, ISR and epochs of a partition (full values, not a diff).
 */
export interface PartitionChangedRecord {
  'topic'?: (string);
  'topicId'?: (string);
  'partition'?: (number);
  'leader'?: (number);
  'isr'?: (number)[];
  'leaderEpoch'?: (number);
  'partitionEpoch'?: (number);
  /**
   * The leader was elected from outside the ISR (unclean.leader.election.enable): records
   * acknowledged by the old ISR may be lost.
   */
  'unclean'?: (boolean);
  /**
   * "broker-fenced", "alter-partition", "preferred-election", ... for operators.
   */
  'reason'?: (string);
}

/**
 * The new leader, ISR and epochs of a partition (full values, not a diff).
 */
export interface PartitionChangedRecord__Output {
  'topic': (string);
  'topicId': (string);
  'partition': (number);
  'leader': (number);
  'isr': (number)[];
  'leaderEpoch': (number);
  'partitionEpoch': (number);
  /**
   * The leader was elected from outside the ISR (unclean.leader.election.enable): records
   * acknowledged by the old ISR may be lost.
   */
  'unclean': (boolean);
  /**
   * "broker-fenced", "alter-partition", "preferred-election", ... for operators.
   */
  'reason': (string);
}
