import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AlterConfigsRequest as _samsa_v1_AlterConfigsRequest, AlterConfigsRequest__Output as _samsa_v1_AlterConfigsRequest__Output } from './samsa/v1/AlterConfigsRequest.js';
import type { AlterConfigsResource as _samsa_v1_AlterConfigsResource, AlterConfigsResource__Output as _samsa_v1_AlterConfigsResource__Output } from './samsa/v1/AlterConfigsResource.js';
import type { AlterConfigsResponse as _samsa_v1_AlterConfigsResponse, AlterConfigsResponse__Output as _samsa_v1_AlterConfigsResponse__Output } from './samsa/v1/AlterConfigsResponse.js';
import type { AlterConfigsResult as _samsa_v1_AlterConfigsResult, AlterConfigsResult__Output as _samsa_v1_AlterConfigsResult__Output } from './samsa/v1/AlterConfigsResult.js';
import type { AlterPartitionRequest as _samsa_v1_AlterPartitionRequest, AlterPartitionRequest__Output as _samsa_v1_AlterPartitionRequest__Output } from './samsa/v1/AlterPartitionRequest.js';
import type { AlterPartitionResponse as _samsa_v1_AlterPartitionResponse, AlterPartitionResponse__Output as _samsa_v1_AlterPartitionResponse__Output } from './samsa/v1/AlterPartitionResponse.js';
import type { AlterableConfig as _samsa_v1_AlterableConfig, AlterableConfig__Output as _samsa_v1_AlterableConfig__Output } from './samsa/v1/AlterableConfig.js';
import type { BrokerEndpoint as _samsa_v1_BrokerEndpoint, BrokerEndpoint__Output as _samsa_v1_BrokerEndpoint__Output } from './samsa/v1/BrokerEndpoint.js';
import type { BrokerFencedRecord as _samsa_v1_BrokerFencedRecord, BrokerFencedRecord__Output as _samsa_v1_BrokerFencedRecord__Output } from './samsa/v1/BrokerFencedRecord.js';
import type { BrokerHeartbeatRequest as _samsa_v1_BrokerHeartbeatRequest, BrokerHeartbeatRequest__Output as _samsa_v1_BrokerHeartbeatRequest__Output } from './samsa/v1/BrokerHeartbeatRequest.js';
import type { BrokerHeartbeatResponse as _samsa_v1_BrokerHeartbeatResponse, BrokerHeartbeatResponse__Output as _samsa_v1_BrokerHeartbeatResponse__Output } from './samsa/v1/BrokerHeartbeatResponse.js';
import type { BrokerInfo as _samsa_v1_BrokerInfo, BrokerInfo__Output as _samsa_v1_BrokerInfo__Output } from './samsa/v1/BrokerInfo.js';
import type { BrokerRegisteredRecord as _samsa_v1_BrokerRegisteredRecord, BrokerRegisteredRecord__Output as _samsa_v1_BrokerRegisteredRecord__Output } from './samsa/v1/BrokerRegisteredRecord.js';
import type { BrokerUnfencedRecord as _samsa_v1_BrokerUnfencedRecord, BrokerUnfencedRecord__Output as _samsa_v1_BrokerUnfencedRecord__Output } from './samsa/v1/BrokerUnfencedRecord.js';
import type { ConfigChangedRecord as _samsa_v1_ConfigChangedRecord, ConfigChangedRecord__Output as _samsa_v1_ConfigChangedRecord__Output } from './samsa/v1/ConfigChangedRecord.js';
import type { ControllerServiceClient as _samsa_v1_ControllerServiceClient, ControllerServiceDefinition as _samsa_v1_ControllerServiceDefinition } from './samsa/v1/ControllerService.js';
import type { CreatableTopic as _samsa_v1_CreatableTopic, CreatableTopic__Output as _samsa_v1_CreatableTopic__Output } from './samsa/v1/CreatableTopic.js';
import type { CreatableTopicResult as _samsa_v1_CreatableTopicResult, CreatableTopicResult__Output as _samsa_v1_CreatableTopicResult__Output } from './samsa/v1/CreatableTopicResult.js';
import type { CreatePartitionsRequest as _samsa_v1_CreatePartitionsRequest, CreatePartitionsRequest__Output as _samsa_v1_CreatePartitionsRequest__Output } from './samsa/v1/CreatePartitionsRequest.js';
import type { CreatePartitionsResponse as _samsa_v1_CreatePartitionsResponse, CreatePartitionsResponse__Output as _samsa_v1_CreatePartitionsResponse__Output } from './samsa/v1/CreatePartitionsResponse.js';
import type { CreatePartitionsTopic as _samsa_v1_CreatePartitionsTopic, CreatePartitionsTopic__Output as _samsa_v1_CreatePartitionsTopic__Output } from './samsa/v1/CreatePartitionsTopic.js';
import type { CreatePartitionsTopicResult as _samsa_v1_CreatePartitionsTopicResult, CreatePartitionsTopicResult__Output as _samsa_v1_CreatePartitionsTopicResult__Output } from './samsa/v1/CreatePartitionsTopicResult.js';
import type { CreateTopicsRequest as _samsa_v1_CreateTopicsRequest, CreateTopicsRequest__Output as _samsa_v1_CreateTopicsRequest__Output } from './samsa/v1/CreateTopicsRequest.js';
import type { CreateTopicsResponse as _samsa_v1_CreateTopicsResponse, CreateTopicsResponse__Output as _samsa_v1_CreateTopicsResponse__Output } from './samsa/v1/CreateTopicsResponse.js';
import type { DeletableTopicResult as _samsa_v1_DeletableTopicResult, DeletableTopicResult__Output as _samsa_v1_DeletableTopicResult__Output } from './samsa/v1/DeletableTopicResult.js';
import type { DeleteTopicsRequest as _samsa_v1_DeleteTopicsRequest, DeleteTopicsRequest__Output as _samsa_v1_DeleteTopicsRequest__Output } from './samsa/v1/DeleteTopicsRequest.js';
import type { DeleteTopicsResponse as _samsa_v1_DeleteTopicsResponse, DeleteTopicsResponse__Output as _samsa_v1_DeleteTopicsResponse__Output } from './samsa/v1/DeleteTopicsResponse.js';
import type { DescribeClusterRequest as _samsa_v1_DescribeClusterRequest, DescribeClusterRequest__Output as _samsa_v1_DescribeClusterRequest__Output } from './samsa/v1/DescribeClusterRequest.js';
import type { DescribeClusterResponse as _samsa_v1_DescribeClusterResponse, DescribeClusterResponse__Output as _samsa_v1_DescribeClusterResponse__Output } from './samsa/v1/DescribeClusterResponse.js';
import type { ElectLeadersRequest as _samsa_v1_ElectLeadersRequest, ElectLeadersRequest__Output as _samsa_v1_ElectLeadersRequest__Output } from './samsa/v1/ElectLeadersRequest.js';
import type { ElectLeadersResponse as _samsa_v1_ElectLeadersResponse, ElectLeadersResponse__Output as _samsa_v1_ElectLeadersResponse__Output } from './samsa/v1/ElectLeadersResponse.js';
import type { ElectionResult as _samsa_v1_ElectionResult, ElectionResult__Output as _samsa_v1_ElectionResult__Output } from './samsa/v1/ElectionResult.js';
import type { EpochEndOffset as _samsa_v1_EpochEndOffset, EpochEndOffset__Output as _samsa_v1_EpochEndOffset__Output } from './samsa/v1/EpochEndOffset.js';
import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from './samsa/v1/ErrorInfo.js';
import type { LeaderIdAndEpoch as _samsa_v1_LeaderIdAndEpoch, LeaderIdAndEpoch__Output as _samsa_v1_LeaderIdAndEpoch__Output } from './samsa/v1/LeaderIdAndEpoch.js';
import type { MetadataDelta as _samsa_v1_MetadataDelta, MetadataDelta__Output as _samsa_v1_MetadataDelta__Output } from './samsa/v1/MetadataDelta.js';
import type { MetadataRecord as _samsa_v1_MetadataRecord, MetadataRecord__Output as _samsa_v1_MetadataRecord__Output } from './samsa/v1/MetadataRecord.js';
import type { MetadataSnapshot as _samsa_v1_MetadataSnapshot, MetadataSnapshot__Output as _samsa_v1_MetadataSnapshot__Output } from './samsa/v1/MetadataSnapshot.js';
import type { MetadataUpdate as _samsa_v1_MetadataUpdate, MetadataUpdate__Output as _samsa_v1_MetadataUpdate__Output } from './samsa/v1/MetadataUpdate.js';
import type { PartitionChangedRecord as _samsa_v1_PartitionChangedRecord, PartitionChangedRecord__Output as _samsa_v1_PartitionChangedRecord__Output } from './samsa/v1/PartitionChangedRecord.js';
import type { PartitionCreatedRecord as _samsa_v1_PartitionCreatedRecord, PartitionCreatedRecord__Output as _samsa_v1_PartitionCreatedRecord__Output } from './samsa/v1/PartitionCreatedRecord.js';
import type { PartitionMetadata as _samsa_v1_PartitionMetadata, PartitionMetadata__Output as _samsa_v1_PartitionMetadata__Output } from './samsa/v1/PartitionMetadata.js';
import type { RegisterBrokerRequest as _samsa_v1_RegisterBrokerRequest, RegisterBrokerRequest__Output as _samsa_v1_RegisterBrokerRequest__Output } from './samsa/v1/RegisterBrokerRequest.js';
import type { RegisterBrokerResponse as _samsa_v1_RegisterBrokerResponse, RegisterBrokerResponse__Output as _samsa_v1_RegisterBrokerResponse__Output } from './samsa/v1/RegisterBrokerResponse.js';
import type { TopicCreatedRecord as _samsa_v1_TopicCreatedRecord, TopicCreatedRecord__Output as _samsa_v1_TopicCreatedRecord__Output } from './samsa/v1/TopicCreatedRecord.js';
import type { TopicDeletedRecord as _samsa_v1_TopicDeletedRecord, TopicDeletedRecord__Output as _samsa_v1_TopicDeletedRecord__Output } from './samsa/v1/TopicDeletedRecord.js';
import type { TopicMetadata as _samsa_v1_TopicMetadata, TopicMetadata__Output as _samsa_v1_TopicMetadata__Output } from './samsa/v1/TopicMetadata.js';
import type { TopicPartitions as _samsa_v1_TopicPartitions, TopicPartitions__Output as _samsa_v1_TopicPartitions__Output } from './samsa/v1/TopicPartitions.js';
import type { WatchMetadataRequest as _samsa_v1_WatchMetadataRequest, WatchMetadataRequest__Output as _samsa_v1_WatchMetadataRequest__Output } from './samsa/v1/WatchMetadataRequest.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  samsa: {
    v1: {
      AlterConfigsRequest: MessageTypeDefinition<_samsa_v1_AlterConfigsRequest, _samsa_v1_AlterConfigsRequest__Output>
      AlterConfigsResource: MessageTypeDefinition<_samsa_v1_AlterConfigsResource, _samsa_v1_AlterConfigsResource__Output>
      AlterConfigsResponse: MessageTypeDefinition<_samsa_v1_AlterConfigsResponse, _samsa_v1_AlterConfigsResponse__Output>
      AlterConfigsResult: MessageTypeDefinition<_samsa_v1_AlterConfigsResult, _samsa_v1_AlterConfigsResult__Output>
      AlterPartitionRequest: MessageTypeDefinition<_samsa_v1_AlterPartitionRequest, _samsa_v1_AlterPartitionRequest__Output>
      AlterPartitionResponse: MessageTypeDefinition<_samsa_v1_AlterPartitionResponse, _samsa_v1_AlterPartitionResponse__Output>
      AlterableConfig: MessageTypeDefinition<_samsa_v1_AlterableConfig, _samsa_v1_AlterableConfig__Output>
      BrokerEndpoint: MessageTypeDefinition<_samsa_v1_BrokerEndpoint, _samsa_v1_BrokerEndpoint__Output>
      BrokerFencedRecord: MessageTypeDefinition<_samsa_v1_BrokerFencedRecord, _samsa_v1_BrokerFencedRecord__Output>
      BrokerHeartbeatRequest: MessageTypeDefinition<_samsa_v1_BrokerHeartbeatRequest, _samsa_v1_BrokerHeartbeatRequest__Output>
      BrokerHeartbeatResponse: MessageTypeDefinition<_samsa_v1_BrokerHeartbeatResponse, _samsa_v1_BrokerHeartbeatResponse__Output>
      BrokerInfo: MessageTypeDefinition<_samsa_v1_BrokerInfo, _samsa_v1_BrokerInfo__Output>
      BrokerRegisteredRecord: MessageTypeDefinition<_samsa_v1_BrokerRegisteredRecord, _samsa_v1_BrokerRegisteredRecord__Output>
      BrokerUnfencedRecord: MessageTypeDefinition<_samsa_v1_BrokerUnfencedRecord, _samsa_v1_BrokerUnfencedRecord__Output>
      ConfigChangedRecord: MessageTypeDefinition<_samsa_v1_ConfigChangedRecord, _samsa_v1_ConfigChangedRecord__Output>
      ConfigOperation: EnumTypeDefinition
      /**
       * The controller: one active instance that owns the metadata log. Every call below that
       * changes metadata commits records to that log (fsynced) before it answers.
       */
      ControllerService: SubtypeConstructor<typeof grpc.Client, _samsa_v1_ControllerServiceClient> & { service: _samsa_v1_ControllerServiceDefinition }
      CreatableTopic: MessageTypeDefinition<_samsa_v1_CreatableTopic, _samsa_v1_CreatableTopic__Output>
      CreatableTopicResult: MessageTypeDefinition<_samsa_v1_CreatableTopicResult, _samsa_v1_CreatableTopicResult__Output>
      CreatePartitionsRequest: MessageTypeDefinition<_samsa_v1_CreatePartitionsRequest, _samsa_v1_CreatePartitionsRequest__Output>
      CreatePartitionsResponse: MessageTypeDefinition<_samsa_v1_CreatePartitionsResponse, _samsa_v1_CreatePartitionsResponse__Output>
      CreatePartitionsTopic: MessageTypeDefinition<_samsa_v1_CreatePartitionsTopic, _samsa_v1_CreatePartitionsTopic__Output>
      CreatePartitionsTopicResult: MessageTypeDefinition<_samsa_v1_CreatePartitionsTopicResult, _samsa_v1_CreatePartitionsTopicResult__Output>
      CreateTopicsRequest: MessageTypeDefinition<_samsa_v1_CreateTopicsRequest, _samsa_v1_CreateTopicsRequest__Output>
      CreateTopicsResponse: MessageTypeDefinition<_samsa_v1_CreateTopicsResponse, _samsa_v1_CreateTopicsResponse__Output>
      DeletableTopicResult: MessageTypeDefinition<_samsa_v1_DeletableTopicResult, _samsa_v1_DeletableTopicResult__Output>
      DeleteTopicsRequest: MessageTypeDefinition<_samsa_v1_DeleteTopicsRequest, _samsa_v1_DeleteTopicsRequest__Output>
      DeleteTopicsResponse: MessageTypeDefinition<_samsa_v1_DeleteTopicsResponse, _samsa_v1_DeleteTopicsResponse__Output>
      DescribeClusterRequest: MessageTypeDefinition<_samsa_v1_DescribeClusterRequest, _samsa_v1_DescribeClusterRequest__Output>
      DescribeClusterResponse: MessageTypeDefinition<_samsa_v1_DescribeClusterResponse, _samsa_v1_DescribeClusterResponse__Output>
      ElectLeadersRequest: MessageTypeDefinition<_samsa_v1_ElectLeadersRequest, _samsa_v1_ElectLeadersRequest__Output>
      ElectLeadersResponse: MessageTypeDefinition<_samsa_v1_ElectLeadersResponse, _samsa_v1_ElectLeadersResponse__Output>
      ElectionResult: MessageTypeDefinition<_samsa_v1_ElectionResult, _samsa_v1_ElectionResult__Output>
      ElectionType: EnumTypeDefinition
      EpochEndOffset: MessageTypeDefinition<_samsa_v1_EpochEndOffset, _samsa_v1_EpochEndOffset__Output>
      ErrorInfo: MessageTypeDefinition<_samsa_v1_ErrorInfo, _samsa_v1_ErrorInfo__Output>
      LeaderIdAndEpoch: MessageTypeDefinition<_samsa_v1_LeaderIdAndEpoch, _samsa_v1_LeaderIdAndEpoch__Output>
      MetadataDelta: MessageTypeDefinition<_samsa_v1_MetadataDelta, _samsa_v1_MetadataDelta__Output>
      MetadataRecord: MessageTypeDefinition<_samsa_v1_MetadataRecord, _samsa_v1_MetadataRecord__Output>
      MetadataSnapshot: MessageTypeDefinition<_samsa_v1_MetadataSnapshot, _samsa_v1_MetadataSnapshot__Output>
      MetadataUpdate: MessageTypeDefinition<_samsa_v1_MetadataUpdate, _samsa_v1_MetadataUpdate__Output>
      PartitionChangedRecord: MessageTypeDefinition<_samsa_v1_PartitionChangedRecord, _samsa_v1_PartitionChangedRecord__Output>
      PartitionCreatedRecord: MessageTypeDefinition<_samsa_v1_PartitionCreatedRecord, _samsa_v1_PartitionCreatedRecord__Output>
      PartitionMetadata: MessageTypeDefinition<_samsa_v1_PartitionMetadata, _samsa_v1_PartitionMetadata__Output>
      RegisterBrokerRequest: MessageTypeDefinition<_samsa_v1_RegisterBrokerRequest, _samsa_v1_RegisterBrokerRequest__Output>
      RegisterBrokerResponse: MessageTypeDefinition<_samsa_v1_RegisterBrokerResponse, _samsa_v1_RegisterBrokerResponse__Output>
      TopicCreatedRecord: MessageTypeDefinition<_samsa_v1_TopicCreatedRecord, _samsa_v1_TopicCreatedRecord__Output>
      TopicDeletedRecord: MessageTypeDefinition<_samsa_v1_TopicDeletedRecord, _samsa_v1_TopicDeletedRecord__Output>
      TopicMetadata: MessageTypeDefinition<_samsa_v1_TopicMetadata, _samsa_v1_TopicMetadata__Output>
      TopicPartitions: MessageTypeDefinition<_samsa_v1_TopicPartitions, _samsa_v1_TopicPartitions__Output>
      WatchMetadataRequest: MessageTypeDefinition<_samsa_v1_WatchMetadataRequest, _samsa_v1_WatchMetadataRequest__Output>
    }
  }
}

