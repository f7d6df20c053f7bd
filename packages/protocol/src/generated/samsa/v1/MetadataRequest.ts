// Original file: proto/samsa/v1/broker.proto


export interface MetadataRequest {
  /**
   * The topics to describe; empty means every topic.
   */
  'topics'?: (string)[];
}

export interface MetadataRequest__Output {
  /**
   * The topics to describe; empty means every topic.
   */
  'topics': (string)[];
}
