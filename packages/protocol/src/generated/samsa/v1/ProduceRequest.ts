// Original file: proto/samsa/v1/broker.proto

import type { TopicProduceData as _samsa_v1_TopicProduceData, TopicProduceData__Output as _samsa_v1_TopicProduceData__Output } from '../../samsa/v1/TopicProduceData.js';

export interface ProduceRequest {
  /**
   * 0: answer without waiting for the append (the answer still comes, with no offsets);
   * 1: after the leader's append; -1: once every ISR member has the records (HW passed them),
   * and only when the ISR has at least `min.insync.replicas` members (else NOT_ENOUGH_REPLICAS).
   */
  'acks'?: (number);
  /**
   * How long acks=-1 may wait for replication before REQUEST_TIMED_OUT.
   */
  'timeoutMs'?: (number);
  'topics'?: (_samsa_v1_TopicProduceData)[];
  /**
   * For transactions (not yet supported); empty.
   */
  'transactionalId'?: (string);
}

export interface ProduceRequest__Output {
  /**
   * 0: answer without waiting for the append (the answer still comes, with no offsets);
   * 1: after the leader's append; -1: once every ISR member has the records (HW passed them),
   * and only when the ISR has at least `min.insync.replicas` members (else NOT_ENOUGH_REPLICAS).
   */
  'acks': (number);
  /**
   * How long acks=-1 may wait for replication before REQUEST_TIMED_OUT.
   */
  'timeoutMs': (number);
  'topics': (_samsa_v1_TopicProduceData__Output)[];
  /**
   * For transactions (not yet supported); empty.
   */
  'transactionalId': (string);
}
