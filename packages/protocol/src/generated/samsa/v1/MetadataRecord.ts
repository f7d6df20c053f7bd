// Original file: proto/samsa/v1/controller.proto

import type { BrokerRegisteredRecord as _samsa_v1_BrokerRegisteredRecord, BrokerRegisteredRecord__Output as _samsa_v1_BrokerRegisteredRecord__Output } from '../../samsa/v1/BrokerRegisteredRecord.js';
import type { BrokerFencedRecord as _samsa_v1_BrokerFencedRecord, BrokerFencedRecord__Output as _samsa_v1_BrokerFencedRecord__Output } from '../../samsa/v1/BrokerFencedRecord.js';
import type { BrokerUnfencedRecord as _samsa_v1_BrokerUnfencedRecord, BrokerUnfencedRecord__Output as _samsa_v1_BrokerUnfencedRecord__Output } from '../../samsa/v1/BrokerUnfencedRecord.js';
import type { TopicCreatedRecord as _samsa_v1_TopicCreatedRecord, TopicCreatedRecord__Output as _samsa_v1_TopicCreatedRecord__Output } from '../../samsa/v1/TopicCreatedRecord.js';
import type { TopicDeletedRecord as _samsa_v1_TopicDeletedRecord, TopicDeletedRecord__Output as _samsa_v1_TopicDeletedRecord__Output } from '../../samsa/v1/TopicDeletedRecord.js';
import type { PartitionCreatedRecord as _samsa_v1_PartitionCreatedRecord, PartitionCreatedRecord__Output as _samsa_v1_PartitionCreatedRecord__Output } from '../../samsa/v1/PartitionCreatedRecord.js';
import type { PartitionChangedRecord as _samsa_v1_PartitionChangedRecord, PartitionChangedRecord__Output as _samsa_v1_PartitionChangedRecord__Output } from '../../samsa/v1/PartitionChangedRecord.js';
import type { ConfigChangedRecord as _samsa_v1_ConfigChangedRecord, ConfigChangedRecord__Output as _samsa_v1_ConfigChangedRecord__Output } from '../../samsa/v1/ConfigChangedRecord.js';

/**
 * One record of the metadata log. Records carry resulting values (epochs, ISR, leader), so a
 * broker applies them without re-deriving anything.
 */
export interface MetadataRecord {
  'brokerRegistered'?: (_samsa_v1_BrokerRegisteredRecord | null);
  'brokerFenced'?: (_samsa_v1_BrokerFencedRecord | null);
  'brokerUnfenced'?: (_samsa_v1_BrokerUnfencedRecord | null);
  'topicCreated'?: (_samsa_v1_TopicCreatedRecord | null);
  'topicDeleted'?: (_samsa_v1_TopicDeletedRecord | null);
  'partitionCreated'?: (_samsa_v1_PartitionCreatedRecord | null);
  'partitionChanged'?: (_samsa_v1_PartitionChangedRecord | null);
  'configChanged'?: (_samsa_v1_ConfigChangedRecord | null);
  'record'?: "brokerRegistered"|"brokerFenced"|"brokerUnfenced"|"topicCreated"|"topicDeleted"|"partitionCreated"|"partitionChanged"|"configChanged";
}

/**
 * One record of the metadata log. Records carry resulting values (epochs, ISR, leader), so a
 * broker applies them without re-deriving anything.
 */
export interface MetadataRecord__Output {
  'brokerRegistered'?: (_samsa_v1_BrokerRegisteredRecord__Output | null);
  'brokerFenced'?: (_samsa_v1_BrokerFencedRecord__Output | null);
  'brokerUnfenced'?: (_samsa_v1_BrokerUnfencedRecord__Output | null);
  'topicCreated'?: (_samsa_v1_TopicCreatedRecord__Output | null);
  'topicDeleted'?: (_samsa_v1_TopicDeletedRecord__Output | null);
  'partitionCreated'?: (_samsa_v1_PartitionCreatedRecord__Output | null);
  'partitionChanged'?: (_samsa_v1_PartitionChangedRecord__Output | null);
  'configChanged'?: (_samsa_v1_ConfigChangedRecord__Output | null);
  'record'?: "brokerRegistered"|"brokerFenced"|"brokerUnfenced"|"topicCreated"|"topicDeleted"|"partitionCreated"|"partitionChanged"|"configChanged";
}
