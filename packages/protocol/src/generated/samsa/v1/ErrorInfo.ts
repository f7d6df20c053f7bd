// Original file: proto/samsa/v1/common.proto


/**
 * A Kafka error: the numeric code from Kafka's Errors.java (0 = NONE, 3 =
 * UNKNOWN_TOPIC_OR_PARTITION, 74 = FENCED_LEADER_EPOCH, ...) and a human-readable message.
 * Clients turn it into a typed error with the code's name and its `retriable` flag.
 */
export interface ErrorInfo {
  /**
   * Kafka error code; 0 (NONE) means success.
   */
  'code'?: (number);
  /**
   * Why, for people; may be empty.
   */
  'message'?: (string);
}

/**
 * A Kafka error: the numeric code from Kafka's Errors.java (0 = NONE, 3 =
 * UNKNOWN_TOPIC_OR_PARTITION, 74 = FENCED_LEADER_EPOCH, ...) and a human-readable message.
 * Clients turn it into a typed error with the code's name and its `retriable` flag.
 */
export interface ErrorInfo__Output {
  /**
   * Kafka error code; 0 (NONE) means success.
   */
  'code': (number);
  /**
   * Why, for people; may be empty.
   */
  'message': (string);
}
