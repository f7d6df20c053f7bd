// Original file: proto/samsa/v1/controller.proto


export interface CreatableTopic {
  /**
   * 1 to 249 characters of [a-zA-Z0-9._-], not "." or ".." (INVALID_TOPIC_EXCEPTION).
   */
  'name'?: (string);
  /**
   * -1 takes `num.partitions`; 0 or below -1 is INVALID_PARTITIONS.
   */
  'numPartitions'?: (number);
  /**
   * -1 takes `default.replication.factor`; above the number of unfenced brokers is
   * INVALID_REPLICATION_FACTOR.
   */
  'replicationFactor'?: (number);
  /**
   * Topic-level config overrides; an unknown key or bad value is INVALID_CONFIG.
   */
  'configs'?: ({[key: string]: string});
}

export interface CreatableTopic__Output {
  /**
   * 1 to 249 characters of [a-zA-Z0-9._-], not "." or ".." (INVALID_TOPIC_EXCEPTION).
   */
  'name': (string);
  /**
   * -1 takes `num.partitions`; 0 or below -1 is INVALID_PARTITIONS.
   */
  'numPartitions': (number);
  /**
   * -1 takes `default.replication.factor`; above the number of unfenced brokers is
   * INVALID_REPLICATION_FACTOR.
   */
  'replicationFactor': (number);
  /**
   * Topic-level config overrides; an unknown key or bad value is INVALID_CONFIG.
   */
  'configs': ({[key: string]: string});
}
