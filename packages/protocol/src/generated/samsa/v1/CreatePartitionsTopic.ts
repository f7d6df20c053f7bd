// Original file: proto/samsa/v1/controller.proto


export interface CreatePartitionsTopic {
  'name'?: (string);
  /**
   * The new total number of partitions; not above the current count is INVALID_PARTITIONS.
   */
  'count'?: (number);
}

export interface CreatePartitionsTopic__Output {
  'name': (string);
  /**
   * The new total number of partitions; not above the current count is INVALID_PARTITIONS.
   */
  'count': (number);
}
