import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AlterConfigsRequest as _samsa_v1_AlterConfigsRequest, AlterConfigsRequest__Output as _samsa_v1_AlterConfigsRequest__Output } from './samsa/v1/AlterConfigsRequest.js';
import type { AlterConfigsResource as _samsa_v1_AlterConfigsResource, AlterConfigsResource__Output as _samsa_v1_AlterConfigsResource__Output } from './samsa/v1/AlterConfigsResource.js';
import type { AlterConfigsResponse as _samsa_v1_AlterConfigsResponse, AlterConfigsResponse__Output as _samsa_v1_AlterConfigsResponse__Output } from './samsa/v1/AlterConfigsResponse.js';
import type { AlterConfigsResult as _samsa_v1_AlterConfigsResult, AlterConfigsResult__Output as _samsa_v1_AlterConfigsResult__Output } from './samsa/v1/AlterConfigsResult.js';
import type { AlterPartitionRequest as _samsa_v1_AlterPartitionRequest, AlterPartitionRequest__Output as _samsa_v1_AlterPartitionRequest__Output } from './samsa/v1/AlterPartitionRequest.js';
import type { AlterPartitionResponse as _samsa_v1_AlterPartitionResponse, AlterPartitionResponse__Output as _samsa_v1_AlterPartitionResponse__Output } from './samsa/v1/AlterPartitionResponse.js';
import type { AlterableConfig as _samsa_v1_AlterableConfig, AlterableConfig__Output as _samsa_v1_AlterableConfig__Output } from './samsa/v1/AlterableConfig.js';
import type { Assignment as _samsa_v1_Assignment, Assignment__Output as _samsa_v1_Assignment__Output } from './samsa/v1/Assignment.js';
import type { BrokerEndpoint as _samsa_v1_BrokerEndpoint, BrokerEndpoint__Output as _samsa_v1_BrokerEndpoint__Output } from './samsa/v1/BrokerEndpoint.js';
import type { BrokerFencedRecord as _samsa_v1_BrokerFencedRecord, BrokerFencedRecord__Output as _samsa_v1_BrokerFencedRecord__Output } from './samsa/v1/BrokerFencedRecord.js';
import type { BrokerHeartbeatRequest as _samsa_v1_BrokerHeartbeatRequest, BrokerHeartbeatRequest__Output as _samsa_v1_BrokerHeartbeatRequest__Output } from './samsa/v1/BrokerHeartbeatRequest.js';
import type { BrokerHeartbeatResponse as _samsa_v1_BrokerHeartbeatResponse, BrokerHeartbeatResponse__Output as _samsa_v1_BrokerHeartbeatResponse__Output } from './samsa/v1/BrokerHeartbeatResponse.js';
import type { BrokerInfo as _samsa_v1_BrokerInfo, BrokerInfo__Output as _samsa_v1_BrokerInfo__Output } from './samsa/v1/BrokerInfo.js';
import type { BrokerRegisteredRecord as _samsa_v1_BrokerRegisteredRecord, BrokerRegisteredRecord__Output as _samsa_v1_BrokerRegisteredRecord__Output } from './samsa/v1/BrokerRegisteredRecord.js';
import type { BrokerServiceClient as _samsa_v1_BrokerServiceClient, BrokerServiceDefinition as _samsa_v1_BrokerServiceDefinition } from './samsa/v1/BrokerService.js';
import type { BrokerUnfencedRecord as _samsa_v1_BrokerUnfencedRecord, BrokerUnfencedRecord__Output as _samsa_v1_BrokerUnfencedRecord__Output } from './samsa/v1/BrokerUnfencedRecord.js';
import type { ConfigChangedRecord as _samsa_v1_ConfigChangedRecord, ConfigChangedRecord__Output as _samsa_v1_ConfigChangedRecord__Output } from './samsa/v1/ConfigChangedRecord.js';
import type { ConsumerGroupHeartbeatRequest as _samsa_v1_ConsumerGroupHeartbeatRequest, ConsumerGroupHeartbeatRequest__Output as _samsa_v1_ConsumerGroupHeartbeatRequest__Output } from './samsa/v1/ConsumerGroupHeartbeatRequest.js';
import type { ConsumerGroupHeartbeatResponse as _samsa_v1_ConsumerGroupHeartbeatResponse, ConsumerGroupHeartbeatResponse__Output as _samsa_v1_ConsumerGroupHeartbeatResponse__Output } from './samsa/v1/ConsumerGroupHeartbeatResponse.js';
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
import type { DeleteGroupResult as _samsa_v1_DeleteGroupResult, DeleteGroupResult__Output as _samsa_v1_DeleteGroupResult__Output } from './samsa/v1/DeleteGroupResult.js';
import type { DeleteGroupsRequest as _samsa_v1_DeleteGroupsRequest, DeleteGroupsRequest__Output as _samsa_v1_DeleteGroupsRequest__Output } from './samsa/v1/DeleteGroupsRequest.js';
import type { DeleteGroupsResponse as _samsa_v1_DeleteGroupsResponse, DeleteGroupsResponse__Output as _samsa_v1_DeleteGroupsResponse__Output } from './samsa/v1/DeleteGroupsResponse.js';
import type { DeleteTopicsRequest as _samsa_v1_DeleteTopicsRequest, DeleteTopicsRequest__Output as _samsa_v1_DeleteTopicsRequest__Output } from './samsa/v1/DeleteTopicsRequest.js';
import type { DeleteTopicsResponse as _samsa_v1_DeleteTopicsResponse, DeleteTopicsResponse__Output as _samsa_v1_DeleteTopicsResponse__Output } from './samsa/v1/DeleteTopicsResponse.js';
import type { DescribeClusterRequest as _samsa_v1_DescribeClusterRequest, DescribeClusterRequest__Output as _samsa_v1_DescribeClusterRequest__Output } from './samsa/v1/DescribeClusterRequest.js';
import type { DescribeClusterResponse as _samsa_v1_DescribeClusterResponse, DescribeClusterResponse__Output as _samsa_v1_DescribeClusterResponse__Output } from './samsa/v1/DescribeClusterResponse.js';
import type { DescribeGroupsRequest as _samsa_v1_DescribeGroupsRequest, DescribeGroupsRequest__Output as _samsa_v1_DescribeGroupsRequest__Output } from './samsa/v1/DescribeGroupsRequest.js';
import type { DescribeGroupsResponse as _samsa_v1_DescribeGroupsResponse, DescribeGroupsResponse__Output as _samsa_v1_DescribeGroupsResponse__Output } from './samsa/v1/DescribeGroupsResponse.js';
import type { DescribedGroup as _samsa_v1_DescribedGroup, DescribedGroup__Output as _samsa_v1_DescribedGroup__Output } from './samsa/v1/DescribedGroup.js';
import type { ElectLeadersRequest as _samsa_v1_ElectLeadersRequest, ElectLeadersRequest__Output as _samsa_v1_ElectLeadersRequest__Output } from './samsa/v1/ElectLeadersRequest.js';
import type { ElectLeadersResponse as _samsa_v1_ElectLeadersResponse, ElectLeadersResponse__Output as _samsa_v1_ElectLeadersResponse__Output } from './samsa/v1/ElectLeadersResponse.js';
import type { ElectionResult as _samsa_v1_ElectionResult, ElectionResult__Output as _samsa_v1_ElectionResult__Output } from './samsa/v1/ElectionResult.js';
import type { EpochEndOffset as _samsa_v1_EpochEndOffset, EpochEndOffset__Output as _samsa_v1_EpochEndOffset__Output } from './samsa/v1/EpochEndOffset.js';
import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from './samsa/v1/ErrorInfo.js';
import type { FetchPartition as _samsa_v1_FetchPartition, FetchPartition__Output as _samsa_v1_FetchPartition__Output } from './samsa/v1/FetchPartition.js';
import type { FetchPartitionResponse as _samsa_v1_FetchPartitionResponse, FetchPartitionResponse__Output as _samsa_v1_FetchPartitionResponse__Output } from './samsa/v1/FetchPartitionResponse.js';
import type { FetchRequest as _samsa_v1_FetchRequest, FetchRequest__Output as _samsa_v1_FetchRequest__Output } from './samsa/v1/FetchRequest.js';
import type { FetchResponse as _samsa_v1_FetchResponse, FetchResponse__Output as _samsa_v1_FetchResponse__Output } from './samsa/v1/FetchResponse.js';
import type { FetchTopic as _samsa_v1_FetchTopic, FetchTopic__Output as _samsa_v1_FetchTopic__Output } from './samsa/v1/FetchTopic.js';
import type { FetchableTopicResponse as _samsa_v1_FetchableTopicResponse, FetchableTopicResponse__Output as _samsa_v1_FetchableTopicResponse__Output } from './samsa/v1/FetchableTopicResponse.js';
import type { FindCoordinatorRequest as _samsa_v1_FindCoordinatorRequest, FindCoordinatorRequest__Output as _samsa_v1_FindCoordinatorRequest__Output } from './samsa/v1/FindCoordinatorRequest.js';
import type { FindCoordinatorResponse as _samsa_v1_FindCoordinatorResponse, FindCoordinatorResponse__Output as _samsa_v1_FindCoordinatorResponse__Output } from './samsa/v1/FindCoordinatorResponse.js';
import type { GroupMember as _samsa_v1_GroupMember, GroupMember__Output as _samsa_v1_GroupMember__Output } from './samsa/v1/GroupMember.js';
import type { LeaderIdAndEpoch as _samsa_v1_LeaderIdAndEpoch, LeaderIdAndEpoch__Output as _samsa_v1_LeaderIdAndEpoch__Output } from './samsa/v1/LeaderIdAndEpoch.js';
import type { ListGroupsRequest as _samsa_v1_ListGroupsRequest, ListGroupsRequest__Output as _samsa_v1_ListGroupsRequest__Output } from './samsa/v1/ListGroupsRequest.js';
import type { ListGroupsResponse as _samsa_v1_ListGroupsResponse, ListGroupsResponse__Output as _samsa_v1_ListGroupsResponse__Output } from './samsa/v1/ListGroupsResponse.js';
import type { ListOffsetsPartition as _samsa_v1_ListOffsetsPartition, ListOffsetsPartition__Output as _samsa_v1_ListOffsetsPartition__Output } from './samsa/v1/ListOffsetsPartition.js';
import type { ListOffsetsPartitionResponse as _samsa_v1_ListOffsetsPartitionResponse, ListOffsetsPartitionResponse__Output as _samsa_v1_ListOffsetsPartitionResponse__Output } from './samsa/v1/ListOffsetsPartitionResponse.js';
import type { ListOffsetsRequest as _samsa_v1_ListOffsetsRequest, ListOffsetsRequest__Output as _samsa_v1_ListOffsetsRequest__Output } from './samsa/v1/ListOffsetsRequest.js';
import type { ListOffsetsResponse as _samsa_v1_ListOffsetsResponse, ListOffsetsResponse__Output as _samsa_v1_ListOffsetsResponse__Output } from './samsa/v1/ListOffsetsResponse.js';
import type { ListOffsetsTopic as _samsa_v1_ListOffsetsTopic, ListOffsetsTopic__Output as _samsa_v1_ListOffsetsTopic__Output } from './samsa/v1/ListOffsetsTopic.js';
import type { ListOffsetsTopicResponse as _samsa_v1_ListOffsetsTopicResponse, ListOffsetsTopicResponse__Output as _samsa_v1_ListOffsetsTopicResponse__Output } from './samsa/v1/ListOffsetsTopicResponse.js';
import type { ListedGroup as _samsa_v1_ListedGroup, ListedGroup__Output as _samsa_v1_ListedGroup__Output } from './samsa/v1/ListedGroup.js';
import type { MetadataDelta as _samsa_v1_MetadataDelta, MetadataDelta__Output as _samsa_v1_MetadataDelta__Output } from './samsa/v1/MetadataDelta.js';
import type { MetadataRecord as _samsa_v1_MetadataRecord, MetadataRecord__Output as _samsa_v1_MetadataRecord__Output } from './samsa/v1/MetadataRecord.js';
import type { MetadataRequest as _samsa_v1_MetadataRequest, MetadataRequest__Output as _samsa_v1_MetadataRequest__Output } from './samsa/v1/MetadataRequest.js';
import type { MetadataResponse as _samsa_v1_MetadataResponse, MetadataResponse__Output as _samsa_v1_MetadataResponse__Output } from './samsa/v1/MetadataResponse.js';
import type { MetadataSnapshot as _samsa_v1_MetadataSnapshot, MetadataSnapshot__Output as _samsa_v1_MetadataSnapshot__Output } from './samsa/v1/MetadataSnapshot.js';
import type { MetadataUpdate as _samsa_v1_MetadataUpdate, MetadataUpdate__Output as _samsa_v1_MetadataUpdate__Output } from './samsa/v1/MetadataUpdate.js';
import type { OffsetCommitPartition as _samsa_v1_OffsetCommitPartition, OffsetCommitPartition__Output as _samsa_v1_OffsetCommitPartition__Output } from './samsa/v1/OffsetCommitPartition.js';
import type { OffsetCommitPartitionResponse as _samsa_v1_OffsetCommitPartitionResponse, OffsetCommitPartitionResponse__Output as _samsa_v1_OffsetCommitPartitionResponse__Output } from './samsa/v1/OffsetCommitPartitionResponse.js';
import type { OffsetCommitRequest as _samsa_v1_OffsetCommitRequest, OffsetCommitRequest__Output as _samsa_v1_OffsetCommitRequest__Output } from './samsa/v1/OffsetCommitRequest.js';
import type { OffsetCommitResponse as _samsa_v1_OffsetCommitResponse, OffsetCommitResponse__Output as _samsa_v1_OffsetCommitResponse__Output } from './samsa/v1/OffsetCommitResponse.js';
import type { OffsetCommitTopic as _samsa_v1_OffsetCommitTopic, OffsetCommitTopic__Output as _samsa_v1_OffsetCommitTopic__Output } from './samsa/v1/OffsetCommitTopic.js';
import type { OffsetCommitTopicResponse as _samsa_v1_OffsetCommitTopicResponse, OffsetCommitTopicResponse__Output as _samsa_v1_OffsetCommitTopicResponse__Output } from './samsa/v1/OffsetCommitTopicResponse.js';
import type { OffsetFetchPartitionResponse as _samsa_v1_OffsetFetchPartitionResponse, OffsetFetchPartitionResponse__Output as _samsa_v1_OffsetFetchPartitionResponse__Output } from './samsa/v1/OffsetFetchPartitionResponse.js';
import type { OffsetFetchRequest as _samsa_v1_OffsetFetchRequest, OffsetFetchRequest__Output as _samsa_v1_OffsetFetchRequest__Output } from './samsa/v1/OffsetFetchRequest.js';
import type { OffsetFetchResponse as _samsa_v1_OffsetFetchResponse, OffsetFetchResponse__Output as _samsa_v1_OffsetFetchResponse__Output } from './samsa/v1/OffsetFetchResponse.js';
import type { OffsetFetchTopicResponse as _samsa_v1_OffsetFetchTopicResponse, OffsetFetchTopicResponse__Output as _samsa_v1_OffsetFetchTopicResponse__Output } from './samsa/v1/OffsetFetchTopicResponse.js';
import type { PartitionChangedRecord as _samsa_v1_PartitionChangedRecord, PartitionChangedRecord__Output as _samsa_v1_PartitionChangedRecord__Output } from './samsa/v1/PartitionChangedRecord.js';
import type { PartitionCreatedRecord as _samsa_v1_PartitionCreatedRecord, PartitionCreatedRecord__Output as _samsa_v1_PartitionCreatedRecord__Output } from './samsa/v1/PartitionCreatedRecord.js';
import type { PartitionMetadata as _samsa_v1_PartitionMetadata, PartitionMetadata__Output as _samsa_v1_PartitionMetadata__Output } from './samsa/v1/PartitionMetadata.js';
import type { PartitionProduceData as _samsa_v1_PartitionProduceData, PartitionProduceData__Output as _samsa_v1_PartitionProduceData__Output } from './samsa/v1/PartitionProduceData.js';
import type { PartitionProduceResponse as _samsa_v1_PartitionProduceResponse, PartitionProduceResponse__Output as _samsa_v1_PartitionProduceResponse__Output } from './samsa/v1/PartitionProduceResponse.js';
import type { ProduceRequest as _samsa_v1_ProduceRequest, ProduceRequest__Output as _samsa_v1_ProduceRequest__Output } from './samsa/v1/ProduceRequest.js';
import type { ProduceResponse as _samsa_v1_ProduceResponse, ProduceResponse__Output as _samsa_v1_ProduceResponse__Output } from './samsa/v1/ProduceResponse.js';
import type { RegisterBrokerRequest as _samsa_v1_RegisterBrokerRequest, RegisterBrokerRequest__Output as _samsa_v1_RegisterBrokerRequest__Output } from './samsa/v1/RegisterBrokerRequest.js';
import type { RegisterBrokerResponse as _samsa_v1_RegisterBrokerResponse, RegisterBrokerResponse__Output as _samsa_v1_RegisterBrokerResponse__Output } from './samsa/v1/RegisterBrokerResponse.js';
import type { TopicCreatedRecord as _samsa_v1_TopicCreatedRecord, TopicCreatedRecord__Output as _samsa_v1_TopicCreatedRecord__Output } from './samsa/v1/TopicCreatedRecord.js';
import type { TopicDeletedRecord as _samsa_v1_TopicDeletedRecord, TopicDeletedRecord__Output as _samsa_v1_TopicDeletedRecord__Output } from './samsa/v1/TopicDeletedRecord.js';
import type { TopicMetadata as _samsa_v1_TopicMetadata, TopicMetadata__Output as _samsa_v1_TopicMetadata__Output } from './samsa/v1/TopicMetadata.js';
import type { TopicNames as _samsa_v1_TopicNames, TopicNames__Output as _samsa_v1_TopicNames__Output } from './samsa/v1/TopicNames.js';
import type { TopicPartitions as _samsa_v1_TopicPartitions, TopicPartitions__Output as _samsa_v1_TopicPartitions__Output } from './samsa/v1/TopicPartitions.js';
import type { TopicProduceData as _samsa_v1_TopicProduceData, TopicProduceData__Output as _samsa_v1_TopicProduceData__Output } from './samsa/v1/TopicProduceData.js';
import type { TopicProduceResponse as _samsa_v1_TopicProduceResponse, TopicProduceResponse__Output as _samsa_v1_TopicProduceResponse__Output } from './samsa/v1/TopicProduceResponse.js';
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
      Assignment: MessageTypeDefinition<_samsa_v1_Assignment, _samsa_v1_Assignment__Output>
      BrokerEndpoint: MessageTypeDefinition<_samsa_v1_BrokerEndpoint, _samsa_v1_BrokerEndpoint__Output>
      BrokerFencedRecord: MessageTypeDefinition<_samsa_v1_BrokerFencedRecord, _samsa_v1_BrokerFencedRecord__Output>
      BrokerHeartbeatRequest: MessageTypeDefinition<_samsa_v1_BrokerHeartbeatRequest, _samsa_v1_BrokerHeartbeatRequest__Output>
      BrokerHeartbeatResponse: MessageTypeDefinition<_samsa_v1_BrokerHeartbeatResponse, _samsa_v1_BrokerHeartbeatResponse__Output>
      BrokerInfo: MessageTypeDefinition<_samsa_v1_BrokerInfo, _samsa_v1_BrokerInfo__Output>
      BrokerRegisteredRecord: MessageTypeDefinition<_samsa_v1_BrokerRegisteredRecord, _samsa_v1_BrokerRegisteredRecord__Output>
      BrokerService: SubtypeConstructor<typeof grpc.Client, _samsa_v1_BrokerServiceClient> & { service: _samsa_v1_BrokerServiceDefinition }
      BrokerUnfencedRecord: MessageTypeDefinition<_samsa_v1_BrokerUnfencedRecord, _samsa_v1_BrokerUnfencedRecord__Output>
      ConfigChangedRecord: MessageTypeDefinition<_samsa_v1_ConfigChangedRecord, _samsa_v1_ConfigChangedRecord__Output>
      ConfigOperation: EnumTypeDefinition
      ConsumerGroupHeartbeatRequest: MessageTypeDefinition<_samsa_v1_ConsumerGroupHeartbeatRequest, _samsa_v1_ConsumerGroupHeartbeatRequest__Output>
      ConsumerGroupHeartbeatResponse: MessageTypeDefinition<_samsa_v1_ConsumerGroupHeartbeatResponse, _samsa_v1_ConsumerGroupHeartbeatResponse__Output>
      /**
       * The controller: one active instance that owns the metadata log. Every call below that
       * changes metadata commits records to that log (fsynced) before it answers.
       */
      ControllerService: SubtypeConstructor<typeof grpc.Client, _samsa_v1_ControllerServiceClient> & { service: _samsa_v1_ControllerServiceDefinition }
      CoordinatorType: EnumTypeDefinition
      CreatableTopic: MessageTypeDefinition<_samsa_v1_CreatableTopic, _samsa_v1_CreatableTopic__Output>
      CreatableTopicResult: MessageTypeDefinition<_samsa_v1_CreatableTopicResult, _samsa_v1_CreatableTopicResult__Output>
      CreatePartitionsRequest: MessageTypeDefinition<_samsa_v1_CreatePartitionsRequest, _samsa_v1_CreatePartitionsRequest__Output>
      CreatePartitionsResponse: MessageTypeDefinition<_samsa_v1_CreatePartitionsResponse, _samsa_v1_CreatePartitionsResponse__Output>
      CreatePartitionsTopic: MessageTypeDefinition<_samsa_v1_CreatePartitionsTopic, _samsa_v1_CreatePartitionsTopic__Output>
      CreatePartitionsTopicResult: MessageTypeDefinition<_samsa_v1_CreatePartitionsTopicResult, _samsa_v1_CreatePartitionsTopicResult__Output>
      CreateTopicsRequest: MessageTypeDefinition<_samsa_v1_CreateTopicsRequest, _samsa_v1_CreateTopicsRequest__Output>
      CreateTopicsResponse: MessageTypeDefinition<_samsa_v1_CreateTopicsResponse, _samsa_v1_CreateTopicsResponse__Output>
      DeletableTopicResult: MessageTypeDefinition<_samsa_v1_DeletableTopicResult, _samsa_v1_DeletableTopicResult__Output>
      DeleteGroupResult: MessageTypeDefinition<_samsa_v1_DeleteGroupResult, _samsa_v1_DeleteGroupResult__Output>
      DeleteGroupsRequest: MessageTypeDefinition<_samsa_v1_DeleteGroupsRequest, _samsa_v1_DeleteGroupsRequest__Output>
      DeleteGroupsResponse: MessageTypeDefinition<_samsa_v1_DeleteGroupsResponse, _samsa_v1_DeleteGroupsResponse__Output>
      DeleteTopicsRequest: MessageTypeDefinition<_samsa_v1_DeleteTopicsRequest, _samsa_v1_DeleteTopicsRequest__Output>
      DeleteTopicsResponse: MessageTypeDefinition<_samsa_v1_DeleteTopicsResponse, _samsa_v1_DeleteTopicsResponse__Output>
      DescribeClusterRequest: MessageTypeDefinition<_samsa_v1_DescribeClusterRequest, _samsa_v1_DescribeClusterRequest__Output>
      DescribeClusterResponse: MessageTypeDefinition<_samsa_v1_DescribeClusterResponse, _samsa_v1_DescribeClusterResponse__Output>
      DescribeGroupsRequest: MessageTypeDefinition<_samsa_v1_DescribeGroupsRequest, _samsa_v1_DescribeGroupsRequest__Output>
      DescribeGroupsResponse: MessageTypeDefinition<_samsa_v1_DescribeGroupsResponse, _samsa_v1_DescribeGroupsResponse__Output>
      DescribedGroup: MessageTypeDefinition<_samsa_v1_DescribedGroup, _samsa_v1_DescribedGroup__Output>
      ElectLeadersRequest: MessageTypeDefinition<_samsa_v1_ElectLeadersRequest, _samsa_v1_ElectLeadersRequest__Output>
      ElectLeadersResponse: MessageTypeDefinition<_samsa_v1_ElectLeadersResponse, _samsa_v1_ElectLeadersResponse__Output>
      ElectionResult: MessageTypeDefinition<_samsa_v1_ElectionResult, _samsa_v1_ElectionResult__Output>
      ElectionType: EnumTypeDefinition
      EpochEndOffset: MessageTypeDefinition<_samsa_v1_EpochEndOffset, _samsa_v1_EpochEndOffset__Output>
      ErrorInfo: MessageTypeDefinition<_samsa_v1_ErrorInfo, _samsa_v1_ErrorInfo__Output>
      FetchPartition: MessageTypeDefinition<_samsa_v1_FetchPartition, _samsa_v1_FetchPartition__Output>
      FetchPartitionResponse: MessageTypeDefinition<_samsa_v1_FetchPartitionResponse, _samsa_v1_FetchPartitionResponse__Output>
      FetchRequest: MessageTypeDefinition<_samsa_v1_FetchRequest, _samsa_v1_FetchRequest__Output>
      FetchResponse: MessageTypeDefinition<_samsa_v1_FetchResponse, _samsa_v1_FetchResponse__Output>
      FetchTopic: MessageTypeDefinition<_samsa_v1_FetchTopic, _samsa_v1_FetchTopic__Output>
      FetchableTopicResponse: MessageTypeDefinition<_samsa_v1_FetchableTopicResponse, _samsa_v1_FetchableTopicResponse__Output>
      FindCoordinatorRequest: MessageTypeDefinition<_samsa_v1_FindCoordinatorRequest, _samsa_v1_FindCoordinatorRequest__Output>
      FindCoordinatorResponse: MessageTypeDefinition<_samsa_v1_FindCoordinatorResponse, _samsa_v1_FindCoordinatorResponse__Output>
      GroupMember: MessageTypeDefinition<_samsa_v1_GroupMember, _samsa_v1_GroupMember__Output>
      IsolationLevel: EnumTypeDefinition
      LeaderIdAndEpoch: MessageTypeDefinition<_samsa_v1_LeaderIdAndEpoch, _samsa_v1_LeaderIdAndEpoch__Output>
      ListGroupsRequest: MessageTypeDefinition<_samsa_v1_ListGroupsRequest, _samsa_v1_ListGroupsRequest__Output>
      ListGroupsResponse: MessageTypeDefinition<_samsa_v1_ListGroupsResponse, _samsa_v1_ListGroupsResponse__Output>
      ListOffsetsPartition: MessageTypeDefinition<_samsa_v1_ListOffsetsPartition, _samsa_v1_ListOffsetsPartition__Output>
      ListOffsetsPartitionResponse: MessageTypeDefinition<_samsa_v1_ListOffsetsPartitionResponse, _samsa_v1_ListOffsetsPartitionResponse__Output>
      ListOffsetsRequest: MessageTypeDefinition<_samsa_v1_ListOffsetsRequest, _samsa_v1_ListOffsetsRequest__Output>
      ListOffsetsResponse: MessageTypeDefinition<_samsa_v1_ListOffsetsResponse, _samsa_v1_ListOffsetsResponse__Output>
      ListOffsetsTopic: MessageTypeDefinition<_samsa_v1_ListOffsetsTopic, _samsa_v1_ListOffsetsTopic__Output>
      ListOffsetsTopicResponse: MessageTypeDefinition<_samsa_v1_ListOffsetsTopicResponse, _samsa_v1_ListOffsetsTopicResponse__Output>
      ListedGroup: MessageTypeDefinition<_samsa_v1_ListedGroup, _samsa_v1_ListedGroup__Output>
      MetadataDelta: MessageTypeDefinition<_samsa_v1_MetadataDelta, _samsa_v1_MetadataDelta__Output>
      MetadataRecord: MessageTypeDefinition<_samsa_v1_MetadataRecord, _samsa_v1_MetadataRecord__Output>
      MetadataRequest: MessageTypeDefinition<_samsa_v1_MetadataRequest, _samsa_v1_MetadataRequest__Output>
      MetadataResponse: MessageTypeDefinition<_samsa_v1_MetadataResponse, _samsa_v1_MetadataResponse__Output>
      MetadataSnapshot: MessageTypeDefinition<_samsa_v1_MetadataSnapshot, _samsa_v1_MetadataSnapshot__Output>
      MetadataUpdate: MessageTypeDefinition<_samsa_v1_MetadataUpdate, _samsa_v1_MetadataUpdate__Output>
      OffsetCommitPartition: MessageTypeDefinition<_samsa_v1_OffsetCommitPartition, _samsa_v1_OffsetCommitPartition__Output>
      OffsetCommitPartitionResponse: MessageTypeDefinition<_samsa_v1_OffsetCommitPartitionResponse, _samsa_v1_OffsetCommitPartitionResponse__Output>
      OffsetCommitRequest: MessageTypeDefinition<_samsa_v1_OffsetCommitRequest, _samsa_v1_OffsetCommitRequest__Output>
      OffsetCommitResponse: MessageTypeDefinition<_samsa_v1_OffsetCommitResponse, _samsa_v1_OffsetCommitResponse__Output>
      OffsetCommitTopic: MessageTypeDefinition<_samsa_v1_OffsetCommitTopic, _samsa_v1_OffsetCommitTopic__Output>
      OffsetCommitTopicResponse: MessageTypeDefinition<_samsa_v1_OffsetCommitTopicResponse, _samsa_v1_OffsetCommitTopicResponse__Output>
      OffsetFetchPartitionResponse: MessageTypeDefinition<_samsa_v1_OffsetFetchPartitionResponse, _samsa_v1_OffsetFetchPartitionResponse__Output>
      OffsetFetchRequest: MessageTypeDefinition<_samsa_v1_OffsetFetchRequest, _samsa_v1_OffsetFetchRequest__Output>
      OffsetFetchResponse: MessageTypeDefinition<_samsa_v1_OffsetFetchResponse, _samsa_v1_OffsetFetchResponse__Output>
      OffsetFetchTopicResponse: MessageTypeDefinition<_samsa_v1_OffsetFetchTopicResponse, _samsa_v1_OffsetFetchTopicResponse__Output>
      PartitionChangedRecord: MessageTypeDefinition<_samsa_v1_PartitionChangedRecord, _samsa_v1_PartitionChangedRecord__Output>
      PartitionCreatedRecord: MessageTypeDefinition<_samsa_v1_PartitionCreatedRecord, _samsa_v1_PartitionCreatedRecord__Output>
      PartitionMetadata: MessageTypeDefinition<_samsa_v1_PartitionMetadata, _samsa_v1_PartitionMetadata__Output>
      PartitionProduceData: MessageTypeDefinition<_samsa_v1_PartitionProduceData, _samsa_v1_PartitionProduceData__Output>
      PartitionProduceResponse: MessageTypeDefinition<_samsa_v1_PartitionProduceResponse, _samsa_v1_PartitionProduceResponse__Output>
      ProduceRequest: MessageTypeDefinition<_samsa_v1_ProduceRequest, _samsa_v1_ProduceRequest__Output>
      ProduceResponse: MessageTypeDefinition<_samsa_v1_ProduceResponse, _samsa_v1_ProduceResponse__Output>
      RegisterBrokerRequest: MessageTypeDefinition<_samsa_v1_RegisterBrokerRequest, _samsa_v1_RegisterBrokerRequest__Output>
      RegisterBrokerResponse: MessageTypeDefinition<_samsa_v1_RegisterBrokerResponse, _samsa_v1_RegisterBrokerResponse__Output>
      TopicCreatedRecord: MessageTypeDefinition<_samsa_v1_TopicCreatedRecord, _samsa_v1_TopicCreatedRecord__Output>
      TopicDeletedRecord: MessageTypeDefinition<_samsa_v1_TopicDeletedRecord, _samsa_v1_TopicDeletedRecord__Output>
      TopicMetadata: MessageTypeDefinition<_samsa_v1_TopicMetadata, _samsa_v1_TopicMetadata__Output>
      TopicNames: MessageTypeDefinition<_samsa_v1_TopicNames, _samsa_v1_TopicNames__Output>
      TopicPartitions: MessageTypeDefinition<_samsa_v1_TopicPartitions, _samsa_v1_TopicPartitions__Output>
      TopicProduceData: MessageTypeDefinition<_samsa_v1_TopicProduceData, _samsa_v1_TopicProduceData__Output>
      TopicProduceResponse: MessageTypeDefinition<_samsa_v1_TopicProduceResponse, _samsa_v1_TopicProduceResponse__Output>
      WatchMetadataRequest: MessageTypeDefinition<_samsa_v1_WatchMetadataRequest, _samsa_v1_WatchMetadataRequest__Output>
    }
  }
}

