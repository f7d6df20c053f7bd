// Original file: proto/samsa/v1/controller.proto


/**
 * Deletes the topic and all its partitions.
 */
export interface TopicDeletedRecord {
  'name'?: (string);
  'topicId'?: (string);
}

/**
 * Deletes the topic and all its partitions.
 */
export interface TopicDeletedRecord__Output {
  'name': (string);
  'topicId': (string);
}
