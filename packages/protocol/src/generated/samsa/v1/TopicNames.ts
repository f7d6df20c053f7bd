// Original file: proto/samsa/v1/broker.proto


/**
 * A set of topic names, so "absent" (unchanged) and "empty" differ.
 */
export interface TopicNames {
  'names'?: (string)[];
}

/**
 * A set of topic names, so "absent" (unchanged) and "empty" differ.
 */
export interface TopicNames__Output {
  'names': (string)[];
}
