// Original file: proto/samsa/v1/broker.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AlterConfigsRequest as _samsa_v1_AlterConfigsRequest, AlterConfigsRequest__Output as _samsa_v1_AlterConfigsRequest__Output } from '../../samsa/v1/AlterConfigsRequest.js';
import type { AlterConfigsResponse as _samsa_v1_AlterConfigsResponse, AlterConfigsResponse__Output as _samsa_v1_AlterConfigsResponse__Output } from '../../samsa/v1/AlterConfigsResponse.js';
import type { ConsumerGroupHeartbeatRequest as _samsa_v1_ConsumerGroupHeartbeatRequest, ConsumerGroupHeartbeatRequest__Output as _samsa_v1_ConsumerGroupHeartbeatRequest__Output } from '../../samsa/v1/ConsumerGroupHeartbeatRequest.js';
import type { ConsumerGroupHeartbeatResponse as _samsa_v1_ConsumerGroupHeartbeatResponse, ConsumerGroupHeartbeatResponse__Output as _samsa_v1_ConsumerGroupHeartbeatResponse__Output } from '../../samsa/v1/ConsumerGroupHeartbeatResponse.js';
import type { CreatePartitionsRequest as _samsa_v1_CreatePartitionsRequest, CreatePartitionsRequest__Output as _samsa_v1_CreatePartitionsRequest__Output } from '../../samsa/v1/CreatePartitionsRequest.js';
import type { CreatePartitionsResponse as _samsa_v1_CreatePartitionsResponse, CreatePartitionsResponse__Output as _samsa_v1_CreatePartitionsResponse__Output } from '../../samsa/v1/CreatePartitionsResponse.js';
import type { CreateTopicsRequest as _samsa_v1_CreateTopicsRequest, CreateTopicsRequest__Output as _samsa_v1_CreateTopicsRequest__Output } from '../../samsa/v1/CreateTopicsRequest.js';
import type { CreateTopicsResponse as _samsa_v1_CreateTopicsResponse, CreateTopicsResponse__Output as _samsa_v1_CreateTopicsResponse__Output } from '../../samsa/v1/CreateTopicsResponse.js';
import type { DeleteGroupsRequest as _samsa_v1_DeleteGroupsRequest, DeleteGroupsRequest__Output as _samsa_v1_DeleteGroupsRequest__Output } from '../../samsa/v1/DeleteGroupsRequest.js';
import type { DeleteGroupsResponse as _samsa_v1_DeleteGroupsResponse, DeleteGroupsResponse__Output as _samsa_v1_DeleteGroupsResponse__Output } from '../../samsa/v1/DeleteGroupsResponse.js';
import type { DeleteTopicsRequest as _samsa_v1_DeleteTopicsRequest, DeleteTopicsRequest__Output as _samsa_v1_DeleteTopicsRequest__Output } from '../../samsa/v1/DeleteTopicsRequest.js';
import type { DeleteTopicsResponse as _samsa_v1_DeleteTopicsResponse, DeleteTopicsResponse__Output as _samsa_v1_DeleteTopicsResponse__Output } from '../../samsa/v1/DeleteTopicsResponse.js';
import type { DescribeClusterRequest as _samsa_v1_DescribeClusterRequest, DescribeClusterRequest__Output as _samsa_v1_DescribeClusterRequest__Output } from '../../samsa/v1/DescribeClusterRequest.js';
import type { DescribeClusterResponse as _samsa_v1_DescribeClusterResponse, DescribeClusterResponse__Output as _samsa_v1_DescribeClusterResponse__Output } from '../../samsa/v1/DescribeClusterResponse.js';
import type { DescribeGroupsRequest as _samsa_v1_DescribeGroupsRequest, DescribeGroupsRequest__Output as _samsa_v1_DescribeGroupsRequest__Output } from '../../samsa/v1/DescribeGroupsRequest.js';
import type { DescribeGroupsResponse as _samsa_v1_DescribeGroupsResponse, DescribeGroupsResponse__Output as _samsa_v1_DescribeGroupsResponse__Output } from '../../samsa/v1/DescribeGroupsResponse.js';
import type { FetchRequest as _samsa_v1_FetchRequest, FetchRequest__Output as _samsa_v1_FetchRequest__Output } from '../../samsa/v1/FetchRequest.js';
import type { FetchResponse as _samsa_v1_FetchResponse, FetchResponse__Output as _samsa_v1_FetchResponse__Output } from '../../samsa/v1/FetchResponse.js';
import type { FindCoordinatorRequest as _samsa_v1_FindCoordinatorRequest, FindCoordinatorRequest__Output as _samsa_v1_FindCoordinatorRequest__Output } from '../../samsa/v1/FindCoordinatorRequest.js';
import type { FindCoordinatorResponse as _samsa_v1_FindCoordinatorResponse, FindCoordinatorResponse__Output as _samsa_v1_FindCoordinatorResponse__Output } from '../../samsa/v1/FindCoordinatorResponse.js';
import type { ListGroupsRequest as _samsa_v1_ListGroupsRequest, ListGroupsRequest__Output as _samsa_v1_ListGroupsRequest__Output } from '../../samsa/v1/ListGroupsRequest.js';
import type { ListGroupsResponse as _samsa_v1_ListGroupsResponse, ListGroupsResponse__Output as _samsa_v1_ListGroupsResponse__Output } from '../../samsa/v1/ListGroupsResponse.js';
import type { ListOffsetsRequest as _samsa_v1_ListOffsetsRequest, ListOffsetsRequest__Output as _samsa_v1_ListOffsetsRequest__Output } from '../../samsa/v1/ListOffsetsRequest.js';
import type { ListOffsetsResponse as _samsa_v1_ListOffsetsResponse, ListOffsetsResponse__Output as _samsa_v1_ListOffsetsResponse__Output } from '../../samsa/v1/ListOffsetsResponse.js';
import type { MetadataRequest as _samsa_v1_MetadataRequest, MetadataRequest__Output as _samsa_v1_MetadataRequest__Output } from '../../samsa/v1/MetadataRequest.js';
import type { MetadataResponse as _samsa_v1_MetadataResponse, MetadataResponse__Output as _samsa_v1_MetadataResponse__Output } from '../../samsa/v1/MetadataResponse.js';
import type { OffsetCommitRequest as _samsa_v1_OffsetCommitRequest, OffsetCommitRequest__Output as _samsa_v1_OffsetCommitRequest__Output } from '../../samsa/v1/OffsetCommitRequest.js';
import type { OffsetCommitResponse as _samsa_v1_OffsetCommitResponse, OffsetCommitResponse__Output as _samsa_v1_OffsetCommitResponse__Output } from '../../samsa/v1/OffsetCommitResponse.js';
import type { OffsetFetchRequest as _samsa_v1_OffsetFetchRequest, OffsetFetchRequest__Output as _samsa_v1_OffsetFetchRequest__Output } from '../../samsa/v1/OffsetFetchRequest.js';
import type { OffsetFetchResponse as _samsa_v1_OffsetFetchResponse, OffsetFetchResponse__Output as _samsa_v1_OffsetFetchResponse__Output } from '../../samsa/v1/OffsetFetchResponse.js';
import type { ProduceRequest as _samsa_v1_ProduceRequest, ProduceRequest__Output as _samsa_v1_ProduceRequest__Output } from '../../samsa/v1/ProduceRequest.js';
import type { ProduceResponse as _samsa_v1_ProduceResponse, ProduceResponse__Output as _samsa_v1_ProduceResponse__Output } from '../../samsa/v1/ProduceResponse.js';

export interface BrokerServiceClient extends grpc.Client {
  AlterConfigs(argument: _samsa_v1_AlterConfigsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  AlterConfigs(argument: _samsa_v1_AlterConfigsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  AlterConfigs(argument: _samsa_v1_AlterConfigsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  AlterConfigs(argument: _samsa_v1_AlterConfigsRequest, callback: grpc.requestCallback<_samsa_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  alterConfigs(argument: _samsa_v1_AlterConfigsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  alterConfigs(argument: _samsa_v1_AlterConfigsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  alterConfigs(argument: _samsa_v1_AlterConfigsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  alterConfigs(argument: _samsa_v1_AlterConfigsRequest, callback: grpc.requestCallback<_samsa_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  
  ConsumerGroupHeartbeat(argument: _samsa_v1_ConsumerGroupHeartbeatRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_ConsumerGroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  ConsumerGroupHeartbeat(argument: _samsa_v1_ConsumerGroupHeartbeatRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_ConsumerGroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  ConsumerGroupHeartbeat(argument: _samsa_v1_ConsumerGroupHeartbeatRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_ConsumerGroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  ConsumerGroupHeartbeat(argument: _samsa_v1_ConsumerGroupHeartbeatRequest, callback: grpc.requestCallback<_samsa_v1_ConsumerGroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  consumerGroupHeartbeat(argument: _samsa_v1_ConsumerGroupHeartbeatRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_ConsumerGroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  consumerGroupHeartbeat(argument: _samsa_v1_ConsumerGroupHeartbeatRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_ConsumerGroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  consumerGroupHeartbeat(argument: _samsa_v1_ConsumerGroupHeartbeatRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_ConsumerGroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  consumerGroupHeartbeat(argument: _samsa_v1_ConsumerGroupHeartbeatRequest, callback: grpc.requestCallback<_samsa_v1_ConsumerGroupHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  
  CreatePartitions(argument: _samsa_v1_CreatePartitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  CreatePartitions(argument: _samsa_v1_CreatePartitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  CreatePartitions(argument: _samsa_v1_CreatePartitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  CreatePartitions(argument: _samsa_v1_CreatePartitionsRequest, callback: grpc.requestCallback<_samsa_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  createPartitions(argument: _samsa_v1_CreatePartitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  createPartitions(argument: _samsa_v1_CreatePartitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  createPartitions(argument: _samsa_v1_CreatePartitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  createPartitions(argument: _samsa_v1_CreatePartitionsRequest, callback: grpc.requestCallback<_samsa_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Admin requests, forwarded to the controller (same messages as ControllerService).
   */
  CreateTopics(argument: _samsa_v1_CreateTopicsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_CreateTopicsResponse__Output>): grpc.ClientUnaryCall;
  CreateTopics(argument: _samsa_v1_CreateTopicsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_CreateTopicsResponse__Output>): grpc.ClientUnaryCall;
  CreateTopics(argument: _samsa_v1_CreateTopicsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_CreateTopicsResponse__Output>): grpc.ClientUnaryCall;
  CreateTopics(argument: _samsa_v1_CreateTopicsRequest, callback: grpc.requestCallback<_samsa_v1_CreateTopicsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Admin requests, forwarded to the controller (same messages as ControllerService).
   */
  createTopics(argument: _samsa_v1_CreateTopicsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_CreateTopicsResponse__Output>): grpc.ClientUnaryCall;
  createTopics(argument: _samsa_v1_CreateTopicsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_CreateTopicsResponse__Output>): grpc.ClientUnaryCall;
  createTopics(argument: _samsa_v1_CreateTopicsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_CreateTopicsResponse__Output>): grpc.ClientUnaryCall;
  createTopics(argument: _samsa_v1_CreateTopicsRequest, callback: grpc.requestCallback<_samsa_v1_CreateTopicsResponse__Output>): grpc.ClientUnaryCall;
  
  DeleteGroups(argument: _samsa_v1_DeleteGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_DeleteGroupsResponse__Output>): grpc.ClientUnaryCall;
  DeleteGroups(argument: _samsa_v1_DeleteGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_DeleteGroupsResponse__Output>): grpc.ClientUnaryCall;
  DeleteGroups(argument: _samsa_v1_DeleteGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_DeleteGroupsResponse__Output>): grpc.ClientUnaryCall;
  DeleteGroups(argument: _samsa_v1_DeleteGroupsRequest, callback: grpc.requestCallback<_samsa_v1_DeleteGroupsResponse__Output>): grpc.ClientUnaryCall;
  deleteGroups(argument: _samsa_v1_DeleteGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_DeleteGroupsResponse__Output>): grpc.ClientUnaryCall;
  deleteGroups(argument: _samsa_v1_DeleteGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_DeleteGroupsResponse__Output>): grpc.ClientUnaryCall;
  deleteGroups(argument: _samsa_v1_DeleteGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_DeleteGroupsResponse__Output>): grpc.ClientUnaryCall;
  deleteGroups(argument: _samsa_v1_DeleteGroupsRequest, callback: grpc.requestCallback<_samsa_v1_DeleteGroupsResponse__Output>): grpc.ClientUnaryCall;
  
  DeleteTopics(argument: _samsa_v1_DeleteTopicsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_DeleteTopicsResponse__Output>): grpc.ClientUnaryCall;
  DeleteTopics(argument: _samsa_v1_DeleteTopicsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_DeleteTopicsResponse__Output>): grpc.ClientUnaryCall;
  DeleteTopics(argument: _samsa_v1_DeleteTopicsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_DeleteTopicsResponse__Output>): grpc.ClientUnaryCall;
  DeleteTopics(argument: _samsa_v1_DeleteTopicsRequest, callback: grpc.requestCallback<_samsa_v1_DeleteTopicsResponse__Output>): grpc.ClientUnaryCall;
  deleteTopics(argument: _samsa_v1_DeleteTopicsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_DeleteTopicsResponse__Output>): grpc.ClientUnaryCall;
  deleteTopics(argument: _samsa_v1_DeleteTopicsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_DeleteTopicsResponse__Output>): grpc.ClientUnaryCall;
  deleteTopics(argument: _samsa_v1_DeleteTopicsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_DeleteTopicsResponse__Output>): grpc.ClientUnaryCall;
  deleteTopics(argument: _samsa_v1_DeleteTopicsRequest, callback: grpc.requestCallback<_samsa_v1_DeleteTopicsResponse__Output>): grpc.ClientUnaryCall;
  
  DescribeCluster(argument: _samsa_v1_DescribeClusterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_DescribeClusterResponse__Output>): grpc.ClientUnaryCall;
  DescribeCluster(argument: _samsa_v1_DescribeClusterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_DescribeClusterResponse__Output>): grpc.ClientUnaryCall;
  DescribeCluster(argument: _samsa_v1_DescribeClusterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_DescribeClusterResponse__Output>): grpc.ClientUnaryCall;
  DescribeCluster(argument: _samsa_v1_DescribeClusterRequest, callback: grpc.requestCallback<_samsa_v1_DescribeClusterResponse__Output>): grpc.ClientUnaryCall;
  describeCluster(argument: _samsa_v1_DescribeClusterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_DescribeClusterResponse__Output>): grpc.ClientUnaryCall;
  describeCluster(argument: _samsa_v1_DescribeClusterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_DescribeClusterResponse__Output>): grpc.ClientUnaryCall;
  describeCluster(argument: _samsa_v1_DescribeClusterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_DescribeClusterResponse__Output>): grpc.ClientUnaryCall;
  describeCluster(argument: _samsa_v1_DescribeClusterRequest, callback: grpc.requestCallback<_samsa_v1_DescribeClusterResponse__Output>): grpc.ClientUnaryCall;
  
  DescribeGroups(argument: _samsa_v1_DescribeGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  DescribeGroups(argument: _samsa_v1_DescribeGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  DescribeGroups(argument: _samsa_v1_DescribeGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  DescribeGroups(argument: _samsa_v1_DescribeGroupsRequest, callback: grpc.requestCallback<_samsa_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  describeGroups(argument: _samsa_v1_DescribeGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  describeGroups(argument: _samsa_v1_DescribeGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  describeGroups(argument: _samsa_v1_DescribeGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  describeGroups(argument: _samsa_v1_DescribeGroupsRequest, callback: grpc.requestCallback<_samsa_v1_DescribeGroupsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Reads record batches; used by consumers (replica_id -1) and by follower replicas
   * (replica_id = their broker id), long-polling up to max_wait_ms for min_bytes.
   */
  Fetch(argument: _samsa_v1_FetchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  Fetch(argument: _samsa_v1_FetchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  Fetch(argument: _samsa_v1_FetchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  Fetch(argument: _samsa_v1_FetchRequest, callback: grpc.requestCallback<_samsa_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Reads record batches; used by consumers (replica_id -1) and by follower replicas
   * (replica_id = their broker id), long-polling up to max_wait_ms for min_bytes.
   */
  fetch(argument: _samsa_v1_FetchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  fetch(argument: _samsa_v1_FetchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  fetch(argument: _samsa_v1_FetchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  fetch(argument: _samsa_v1_FetchRequest, callback: grpc.requestCallback<_samsa_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Consumer groups (KIP-848 shaped); declared now, implemented by the consumer-group issue.
   */
  FindCoordinator(argument: _samsa_v1_FindCoordinatorRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_FindCoordinatorResponse__Output>): grpc.ClientUnaryCall;
  FindCoordinator(argument: _samsa_v1_FindCoordinatorRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_FindCoordinatorResponse__Output>): grpc.ClientUnaryCall;
  FindCoordinator(argument: _samsa_v1_FindCoordinatorRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_FindCoordinatorResponse__Output>): grpc.ClientUnaryCall;
  FindCoordinator(argument: _samsa_v1_FindCoordinatorRequest, callback: grpc.requestCallback<_samsa_v1_FindCoordinatorResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Consumer groups (KIP-848 shaped); declared now, implemented by the consumer-group issue.
   */
  findCoordinator(argument: _samsa_v1_FindCoordinatorRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_FindCoordinatorResponse__Output>): grpc.ClientUnaryCall;
  findCoordinator(argument: _samsa_v1_FindCoordinatorRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_FindCoordinatorResponse__Output>): grpc.ClientUnaryCall;
  findCoordinator(argument: _samsa_v1_FindCoordinatorRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_FindCoordinatorResponse__Output>): grpc.ClientUnaryCall;
  findCoordinator(argument: _samsa_v1_FindCoordinatorRequest, callback: grpc.requestCallback<_samsa_v1_FindCoordinatorResponse__Output>): grpc.ClientUnaryCall;
  
  ListGroups(argument: _samsa_v1_ListGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListGroups(argument: _samsa_v1_ListGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListGroups(argument: _samsa_v1_ListGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListGroups(argument: _samsa_v1_ListGroupsRequest, callback: grpc.requestCallback<_samsa_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  listGroups(argument: _samsa_v1_ListGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  listGroups(argument: _samsa_v1_ListGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  listGroups(argument: _samsa_v1_ListGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  listGroups(argument: _samsa_v1_ListGroupsRequest, callback: grpc.requestCallback<_samsa_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Offsets by timestamp, or the earliest (-2) / latest (-1) offset.
   */
  ListOffsets(argument: _samsa_v1_ListOffsetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_ListOffsetsResponse__Output>): grpc.ClientUnaryCall;
  ListOffsets(argument: _samsa_v1_ListOffsetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_ListOffsetsResponse__Output>): grpc.ClientUnaryCall;
  ListOffsets(argument: _samsa_v1_ListOffsetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_ListOffsetsResponse__Output>): grpc.ClientUnaryCall;
  ListOffsets(argument: _samsa_v1_ListOffsetsRequest, callback: grpc.requestCallback<_samsa_v1_ListOffsetsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Offsets by timestamp, or the earliest (-2) / latest (-1) offset.
   */
  listOffsets(argument: _samsa_v1_ListOffsetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_ListOffsetsResponse__Output>): grpc.ClientUnaryCall;
  listOffsets(argument: _samsa_v1_ListOffsetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_ListOffsetsResponse__Output>): grpc.ClientUnaryCall;
  listOffsets(argument: _samsa_v1_ListOffsetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_ListOffsetsResponse__Output>): grpc.ClientUnaryCall;
  listOffsets(argument: _samsa_v1_ListOffsetsRequest, callback: grpc.requestCallback<_samsa_v1_ListOffsetsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Brokers, topics and partition leaders, answered from this broker's metadata cache.
   */
  Metadata(argument: _samsa_v1_MetadataRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_MetadataResponse__Output>): grpc.ClientUnaryCall;
  Metadata(argument: _samsa_v1_MetadataRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_MetadataResponse__Output>): grpc.ClientUnaryCall;
  Metadata(argument: _samsa_v1_MetadataRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_MetadataResponse__Output>): grpc.ClientUnaryCall;
  Metadata(argument: _samsa_v1_MetadataRequest, callback: grpc.requestCallback<_samsa_v1_MetadataResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Brokers, topics and partition leaders, answered from this broker's metadata cache.
   */
  metadata(argument: _samsa_v1_MetadataRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_MetadataResponse__Output>): grpc.ClientUnaryCall;
  metadata(argument: _samsa_v1_MetadataRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_MetadataResponse__Output>): grpc.ClientUnaryCall;
  metadata(argument: _samsa_v1_MetadataRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_MetadataResponse__Output>): grpc.ClientUnaryCall;
  metadata(argument: _samsa_v1_MetadataRequest, callback: grpc.requestCallback<_samsa_v1_MetadataResponse__Output>): grpc.ClientUnaryCall;
  
  OffsetCommit(argument: _samsa_v1_OffsetCommitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_OffsetCommitResponse__Output>): grpc.ClientUnaryCall;
  OffsetCommit(argument: _samsa_v1_OffsetCommitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_OffsetCommitResponse__Output>): grpc.ClientUnaryCall;
  OffsetCommit(argument: _samsa_v1_OffsetCommitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_OffsetCommitResponse__Output>): grpc.ClientUnaryCall;
  OffsetCommit(argument: _samsa_v1_OffsetCommitRequest, callback: grpc.requestCallback<_samsa_v1_OffsetCommitResponse__Output>): grpc.ClientUnaryCall;
  offsetCommit(argument: _samsa_v1_OffsetCommitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_OffsetCommitResponse__Output>): grpc.ClientUnaryCall;
  offsetCommit(argument: _samsa_v1_OffsetCommitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_OffsetCommitResponse__Output>): grpc.ClientUnaryCall;
  offsetCommit(argument: _samsa_v1_OffsetCommitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_OffsetCommitResponse__Output>): grpc.ClientUnaryCall;
  offsetCommit(argument: _samsa_v1_OffsetCommitRequest, callback: grpc.requestCallback<_samsa_v1_OffsetCommitResponse__Output>): grpc.ClientUnaryCall;
  
  OffsetFetch(argument: _samsa_v1_OffsetFetchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_OffsetFetchResponse__Output>): grpc.ClientUnaryCall;
  OffsetFetch(argument: _samsa_v1_OffsetFetchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_OffsetFetchResponse__Output>): grpc.ClientUnaryCall;
  OffsetFetch(argument: _samsa_v1_OffsetFetchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_OffsetFetchResponse__Output>): grpc.ClientUnaryCall;
  OffsetFetch(argument: _samsa_v1_OffsetFetchRequest, callback: grpc.requestCallback<_samsa_v1_OffsetFetchResponse__Output>): grpc.ClientUnaryCall;
  offsetFetch(argument: _samsa_v1_OffsetFetchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_OffsetFetchResponse__Output>): grpc.ClientUnaryCall;
  offsetFetch(argument: _samsa_v1_OffsetFetchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_OffsetFetchResponse__Output>): grpc.ClientUnaryCall;
  offsetFetch(argument: _samsa_v1_OffsetFetchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_OffsetFetchResponse__Output>): grpc.ClientUnaryCall;
  offsetFetch(argument: _samsa_v1_OffsetFetchRequest, callback: grpc.requestCallback<_samsa_v1_OffsetFetchResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Appends record batches to partitions this broker leads.
   */
  Produce(argument: _samsa_v1_ProduceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  Produce(argument: _samsa_v1_ProduceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  Produce(argument: _samsa_v1_ProduceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  Produce(argument: _samsa_v1_ProduceRequest, callback: grpc.requestCallback<_samsa_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Appends record batches to partitions this broker leads.
   */
  produce(argument: _samsa_v1_ProduceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  produce(argument: _samsa_v1_ProduceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  produce(argument: _samsa_v1_ProduceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  produce(argument: _samsa_v1_ProduceRequest, callback: grpc.requestCallback<_samsa_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface BrokerServiceHandlers extends grpc.UntypedServiceImplementation {
  AlterConfigs: grpc.handleUnaryCall<_samsa_v1_AlterConfigsRequest__Output, _samsa_v1_AlterConfigsResponse>;
  
  ConsumerGroupHeartbeat: grpc.handleUnaryCall<_samsa_v1_ConsumerGroupHeartbeatRequest__Output, _samsa_v1_ConsumerGroupHeartbeatResponse>;
  
  CreatePartitions: grpc.handleUnaryCall<_samsa_v1_CreatePartitionsRequest__Output, _samsa_v1_CreatePartitionsResponse>;
  
  /**
   * Admin requests, forwarded to the controller (same messages as ControllerService).
   */
  CreateTopics: grpc.handleUnaryCall<_samsa_v1_CreateTopicsRequest__Output, _samsa_v1_CreateTopicsResponse>;
  
  DeleteGroups: grpc.handleUnaryCall<_samsa_v1_DeleteGroupsRequest__Output, _samsa_v1_DeleteGroupsResponse>;
  
  DeleteTopics: grpc.handleUnaryCall<_samsa_v1_DeleteTopicsRequest__Output, _samsa_v1_DeleteTopicsResponse>;
  
  DescribeCluster: grpc.handleUnaryCall<_samsa_v1_DescribeClusterRequest__Output, _samsa_v1_DescribeClusterResponse>;
  
  DescribeGroups: grpc.handleUnaryCall<_samsa_v1_DescribeGroupsRequest__Output, _samsa_v1_DescribeGroupsResponse>;
  
  /**
   * Reads record batches; used by consumers (replica_id -1) and by follower replicas
   * (replica_id = their broker id), long-polling up to max_wait_ms for min_bytes.
   */
  Fetch: grpc.handleUnaryCall<_samsa_v1_FetchRequest__Output, _samsa_v1_FetchResponse>;
  
  /**
   * Consumer groups (KIP-848 shaped); declared now, implemented by the consumer-group issue.
   */
  FindCoordinator: grpc.handleUnaryCall<_samsa_v1_FindCoordinatorRequest__Output, _samsa_v1_FindCoordinatorResponse>;
  
  ListGroups: grpc.handleUnaryCall<_samsa_v1_ListGroupsRequest__Output, _samsa_v1_ListGroupsResponse>;
  
  /**
   * Offsets by timestamp, or the earliest (-2) / latest (-1) offset.
   */
  ListOffsets: grpc.handleUnaryCall<_samsa_v1_ListOffsetsRequest__Output, _samsa_v1_ListOffsetsResponse>;
  
  /**
   * Brokers, topics and partition leaders, answered from this broker's metadata cache.
   */
  Metadata: grpc.handleUnaryCall<_samsa_v1_MetadataRequest__Output, _samsa_v1_MetadataResponse>;
  
  OffsetCommit: grpc.handleUnaryCall<_samsa_v1_OffsetCommitRequest__Output, _samsa_v1_OffsetCommitResponse>;
  
  OffsetFetch: grpc.handleUnaryCall<_samsa_v1_OffsetFetchRequest__Output, _samsa_v1_OffsetFetchResponse>;
  
  /**
   * Appends record batches to partitions this broker leads.
   */
  Produce: grpc.handleUnaryCall<_samsa_v1_ProduceRequest__Output, _samsa_v1_ProduceResponse>;
  
}

export interface BrokerServiceDefinition extends grpc.ServiceDefinition {
  AlterConfigs: MethodDefinition<_samsa_v1_AlterConfigsRequest, _samsa_v1_AlterConfigsResponse, _samsa_v1_AlterConfigsRequest__Output, _samsa_v1_AlterConfigsResponse__Output>
  ConsumerGroupHeartbeat: MethodDefinition<_samsa_v1_ConsumerGroupHeartbeatRequest, _samsa_v1_ConsumerGroupHeartbeatResponse, _samsa_v1_ConsumerGroupHeartbeatRequest__Output, _samsa_v1_ConsumerGroupHeartbeatResponse__Output>
  CreatePartitions: MethodDefinition<_samsa_v1_CreatePartitionsRequest, _samsa_v1_CreatePartitionsResponse, _samsa_v1_CreatePartitionsRequest__Output, _samsa_v1_CreatePartitionsResponse__Output>
  CreateTopics: MethodDefinition<_samsa_v1_CreateTopicsRequest, _samsa_v1_CreateTopicsResponse, _samsa_v1_CreateTopicsRequest__Output, _samsa_v1_CreateTopicsResponse__Output>
  DeleteGroups: MethodDefinition<_samsa_v1_DeleteGroupsRequest, _samsa_v1_DeleteGroupsResponse, _samsa_v1_DeleteGroupsRequest__Output, _samsa_v1_DeleteGroupsResponse__Output>
  DeleteTopics: MethodDefinition<_samsa_v1_DeleteTopicsRequest, _samsa_v1_DeleteTopicsResponse, _samsa_v1_DeleteTopicsRequest__Output, _samsa_v1_DeleteTopicsResponse__Output>
  DescribeCluster: MethodDefinition<_samsa_v1_DescribeClusterRequest, _samsa_v1_DescribeClusterResponse, _samsa_v1_DescribeClusterRequest__Output, _samsa_v1_DescribeClusterResponse__Output>
  DescribeGroups: MethodDefinition<_samsa_v1_DescribeGroupsRequest, _samsa_v1_DescribeGroupsResponse, _samsa_v1_DescribeGroupsRequest__Output, _samsa_v1_DescribeGroupsResponse__Output>
  Fetch: MethodDefinition<_samsa_v1_FetchRequest, _samsa_v1_FetchResponse, _samsa_v1_FetchRequest__Output, _samsa_v1_FetchResponse__Output>
  FindCoordinator: MethodDefinition<_samsa_v1_FindCoordinatorRequest, _samsa_v1_FindCoordinatorResponse, _samsa_v1_FindCoordinatorRequest__Output, _samsa_v1_FindCoordinatorResponse__Output>
  ListGroups: MethodDefinition<_samsa_v1_ListGroupsRequest, _samsa_v1_ListGroupsResponse, _samsa_v1_ListGroupsRequest__Output, _samsa_v1_ListGroupsResponse__Output>
  ListOffsets: MethodDefinition<_samsa_v1_ListOffsetsRequest, _samsa_v1_ListOffsetsResponse, _samsa_v1_ListOffsetsRequest__Output, _samsa_v1_ListOffsetsResponse__Output>
  Metadata: MethodDefinition<_samsa_v1_MetadataRequest, _samsa_v1_MetadataResponse, _samsa_v1_MetadataRequest__Output, _samsa_v1_MetadataResponse__Output>
  OffsetCommit: MethodDefinition<_samsa_v1_OffsetCommitRequest, _samsa_v1_OffsetCommitResponse, _samsa_v1_OffsetCommitRequest__Output, _samsa_v1_OffsetCommitResponse__Output>
  OffsetFetch: MethodDefinition<_samsa_v1_OffsetFetchRequest, _samsa_v1_OffsetFetchResponse, _samsa_v1_OffsetFetchRequest__Output, _samsa_v1_OffsetFetchResponse__Output>
  Produce: MethodDefinition<_samsa_v1_ProduceRequest, _samsa_v1_ProduceResponse, _samsa_v1_ProduceRequest__Output, _samsa_v1_ProduceResponse__Output>
}
