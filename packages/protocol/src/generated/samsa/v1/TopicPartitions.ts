// Original file: proto/samsa/v1/common.proto


/**
 * A topic and some of its partitions, used by requests that name partitions.
 */
export interface TopicPartitions {
  'topic'?: (string);
  'partitions'?: (number)[];
}

/**
 * A topic and some of its partitions, used by requests that name partitions.
 */
export interface TopicPartitions__Output {
  'topic': (string);
  'partitions': (number)[];
}
