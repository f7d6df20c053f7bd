// Original file: proto/samsa/v1/controller.proto


export interface PartitionCreatedRecord {
  'topic'?: (string);
  'topicId'?: (string);
  'partition'?: (number);
  'replicas'?: (number)[];
  'isr'?: (number)[];
  'leader'?: (number);
  'leaderEpoch'?: (number);
  'partitionEpoch'?: (number);
}

export interface PartitionCreatedRecord__Output {
  'topic': (string);
  'topicId': (string);
  'partition': (number);
  'replicas': (number)[];
  'isr': (number)[];
  'leader': (number);
  'leaderEpoch': (number);
  'partitionEpoch': (number);
}
