// Original file: proto/samsa/v1/broker.proto


export interface PartitionProduceData {
  'partition'?: (number);
  /**
   * One or more complete RecordBatch v2 batches, concatenated. The leader validates the
   * headers and CRCs, assigns offsets and stamps its leader epoch in place.
   */
  'records'?: (Buffer | Uint8Array | string);
}

export interface PartitionProduceData__Output {
  'partition': (number);
  /**
   * One or more complete RecordBatch v2 batches, concatenated. The leader validates the
   * headers and CRCs, assigns offsets and stamps its leader epoch in place.
   */
  'records': (Buffer);
}
