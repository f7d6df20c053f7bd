// Original file: proto/samsa/v1/controller.proto

import type { BrokerInfo as _samsa_v1_BrokerInfo, BrokerInfo__Output as _samsa_v1_BrokerInfo__Output } from '../../samsa/v1/BrokerInfo.js';
import type { TopicMetadata as _samsa_v1_TopicMetadata, TopicMetadata__Output as _samsa_v1_TopicMetadata__Output } from '../../samsa/v1/TopicMetadata.js';

export interface MetadataSnapshot {
  'clusterId'?: (string);
  'brokers'?: (_samsa_v1_BrokerInfo)[];
  'topics'?: (_samsa_v1_TopicMetadata)[];
}

export interface MetadataSnapshot__Output {
  'clusterId': (string);
  'brokers': (_samsa_v1_BrokerInfo__Output)[];
  'topics': (_samsa_v1_TopicMetadata__Output)[];
}
