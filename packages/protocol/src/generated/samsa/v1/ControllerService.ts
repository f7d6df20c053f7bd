// Original file: proto/samsa/v1/controller.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AlterConfigsRequest as _samsa_v1_AlterConfigsRequest, AlterConfigsRequest__Output as _samsa_v1_AlterConfigsRequest__Output } from '../../samsa/v1/AlterConfigsRequest.js';
import type { AlterConfigsResponse as _samsa_v1_AlterConfigsResponse, AlterConfigsResponse__Output as _samsa_v1_AlterConfigsResponse__Output } from '../../samsa/v1/AlterConfigsResponse.js';
import type { AlterPartitionRequest as _samsa_v1_AlterPartitionRequest, AlterPartitionRequest__Output as _samsa_v1_AlterPartitionRequest__Output } from '../../samsa/v1/AlterPartitionRequest.js';
import type { AlterPartitionResponse as _samsa_v1_AlterPartitionResponse, AlterPartitionResponse__Output as _samsa_v1_AlterPartitionResponse__Output } from '../../samsa/v1/AlterPartitionResponse.js';
import type { BrokerHeartbeatRequest as _samsa_v1_BrokerHeartbeatRequest, BrokerHeartbeatRequest__Output as _samsa_v1_BrokerHeartbeatRequest__Output } from '../../samsa/v1/BrokerHeartbeatRequest.js';
import type { BrokerHeartbeatResponse as _samsa_v1_BrokerHeartbeatResponse, BrokerHeartbeatResponse__Output as _samsa_v1_BrokerHeartbeatResponse__Output } from '../../samsa/v1/BrokerHeartbeatResponse.js';
import type { CreatePartitionsRequest as _samsa_v1_CreatePartitionsRequest, CreatePartitionsRequest__Output as _samsa_v1_CreatePartitionsRequest__Output } from '../../samsa/v1/CreatePartitionsRequest.js';
import type { CreatePartitionsResponse as _samsa_v1_CreatePartitionsResponse, CreatePartitionsResponse__Output as _samsa_v1_CreatePartitionsResponse__Output } from '../../samsa/v1/CreatePartitionsResponse.js';
import type { CreateTopicsRequest as _samsa_v1_CreateTopicsRequest, CreateTopicsRequest__Output as _samsa_v1_CreateTopicsRequest__Output } from '../../samsa/v1/CreateTopicsRequest.js';
import type { CreateTopicsResponse as _samsa_v1_CreateTopicsResponse, CreateTopicsResponse__Output as _samsa_v1_CreateTopicsResponse__Output } from '../../samsa/v1/CreateTopicsResponse.js';
import type { DeleteTopicsRequest as _samsa_v1_DeleteTopicsRequest, DeleteTopicsRequest__Output as _samsa_v1_DeleteTopicsRequest__Output } from '../../samsa/v1/DeleteTopicsRequest.js';
import type { DeleteTopicsResponse as _samsa_v1_DeleteTopicsResponse, DeleteTopicsResponse__Output as _samsa_v1_DeleteTopicsResponse__Output } from '../../samsa/v1/DeleteTopicsResponse.js';
import type { DescribeClusterRequest as _samsa_v1_DescribeClusterRequest, DescribeClusterRequest__Output as _samsa_v1_DescribeClusterRequest__Output } from '../../samsa/v1/DescribeClusterRequest.js';
import type { DescribeClusterResponse as _samsa_v1_DescribeClusterResponse, DescribeClusterResponse__Output as _samsa_v1_DescribeClusterResponse__Output } from '../../samsa/v1/DescribeClusterResponse.js';
import type { ElectLeadersRequest as _samsa_v1_ElectLeadersRequest, ElectLeadersRequest__Output as _samsa_v1_ElectLeadersRequest__Output } from '../../samsa/v1/ElectLeadersRequest.js';
import type { ElectLeadersResponse as _samsa_v1_ElectLeadersResponse, ElectLeadersResponse__Output as _samsa_v1_ElectLeadersResponse__Output } from '../../samsa/v1/ElectLeadersResponse.js';
import type { MetadataUpdate as _samsa_v1_MetadataUpdate, MetadataUpdate__Output as _samsa_v1_MetadataUpdate__Output } from '../../samsa/v1/MetadataUpdate.js';
import type { RegisterBrokerRequest as _samsa_v1_RegisterBrokerRequest, RegisterBrokerRequest__Output as _samsa_v1_RegisterBrokerRequest__Output } from '../../samsa/v1/RegisterBrokerRequest.js';
import type { RegisterBrokerResponse as _samsa_v1_RegisterBrokerResponse, RegisterBrokerResponse__Output as _samsa_v1_RegisterBrokerResponse__Output } from '../../samsa/v1/RegisterBrokerResponse.js';
import type { WatchMetadataRequest as _samsa_v1_WatchMetadataRequest, WatchMetadataRequest__Output as _samsa_v1_WatchMetadataRequest__Output } from '../../samsa/v1/WatchMetadataRequest.js';

/**
 * The controller: one active instance that owns the metadata log. Every call below that
 * changes metadata commits records to that log (fsynced) before it answers.
 */
export interface ControllerServiceClient extends grpc.Client {
  /**
   * Incremental topic config changes (Kafka's IncrementalAlterConfigs).
   */
  AlterConfigs(argument: _samsa_v1_AlterConfigsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  AlterConfigs(argument: _samsa_v1_AlterConfigsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  AlterConfigs(argument: _samsa_v1_AlterConfigsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  AlterConfigs(argument: _samsa_v1_AlterConfigsRequest, callback: grpc.requestCallback<_samsa_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Incremental topic config changes (Kafka's IncrementalAlterConfigs).
   */
  alterConfigs(argument: _samsa_v1_AlterConfigsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  alterConfigs(argument: _samsa_v1_AlterConfigsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  alterConfigs(argument: _samsa_v1_AlterConfigsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  alterConfigs(argument: _samsa_v1_AlterConfigsRequest, callback: grpc.requestCallback<_samsa_v1_AlterConfigsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * A partition leader asks to change the ISR of a partition it leads.
   */
  AlterPartition(argument: _samsa_v1_AlterPartitionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_AlterPartitionResponse__Output>): grpc.ClientUnaryCall;
  AlterPartition(argument: _samsa_v1_AlterPartitionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_AlterPartitionResponse__Output>): grpc.ClientUnaryCall;
  AlterPartition(argument: _samsa_v1_AlterPartitionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_AlterPartitionResponse__Output>): grpc.ClientUnaryCall;
  AlterPartition(argument: _samsa_v1_AlterPartitionRequest, callback: grpc.requestCallback<_samsa_v1_AlterPartitionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * A partition leader asks to change the ISR of a partition it leads.
   */
  alterPartition(argument: _samsa_v1_AlterPartitionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_AlterPartitionResponse__Output>): grpc.ClientUnaryCall;
  alterPartition(argument: _samsa_v1_AlterPartitionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_AlterPartitionResponse__Output>): grpc.ClientUnaryCall;
  alterPartition(argument: _samsa_v1_AlterPartitionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_AlterPartitionResponse__Output>): grpc.ClientUnaryCall;
  alterPartition(argument: _samsa_v1_AlterPartitionRequest, callback: grpc.requestCallback<_samsa_v1_AlterPartitionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Sent every `broker.heartbeat.interval.ms`; a broker silent for
   * `broker.session.timeout.ms` is fenced.
   */
  BrokerHeartbeat(argument: _samsa_v1_BrokerHeartbeatRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_BrokerHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  BrokerHeartbeat(argument: _samsa_v1_BrokerHeartbeatRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_BrokerHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  BrokerHeartbeat(argument: _samsa_v1_BrokerHeartbeatRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_BrokerHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  BrokerHeartbeat(argument: _samsa_v1_BrokerHeartbeatRequest, callback: grpc.requestCallback<_samsa_v1_BrokerHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Sent every `broker.heartbeat.interval.ms`; a broker silent for
   * `broker.session.timeout.ms` is fenced.
   */
  brokerHeartbeat(argument: _samsa_v1_BrokerHeartbeatRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_BrokerHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  brokerHeartbeat(argument: _samsa_v1_BrokerHeartbeatRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_BrokerHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  brokerHeartbeat(argument: _samsa_v1_BrokerHeartbeatRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_BrokerHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  brokerHeartbeat(argument: _samsa_v1_BrokerHeartbeatRequest, callback: grpc.requestCallback<_samsa_v1_BrokerHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Adds partitions to existing topics (never removes any).
   */
  CreatePartitions(argument: _samsa_v1_CreatePartitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  CreatePartitions(argument: _samsa_v1_CreatePartitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  CreatePartitions(argument: _samsa_v1_CreatePartitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  CreatePartitions(argument: _samsa_v1_CreatePartitionsRequest, callback: grpc.requestCallback<_samsa_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Adds partitions to existing topics (never removes any).
   */
  createPartitions(argument: _samsa_v1_CreatePartitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  createPartitions(argument: _samsa_v1_CreatePartitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  createPartitions(argument: _samsa_v1_CreatePartitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  createPartitions(argument: _samsa_v1_CreatePartitionsRequest, callback: grpc.requestCallback<_samsa_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  
  CreateTopics(argument: _samsa_v1_CreateTopicsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_CreateTopicsResponse__Output>): grpc.ClientUnaryCall;
  CreateTopics(argument: _samsa_v1_CreateTopicsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_CreateTopicsResponse__Output>): grpc.ClientUnaryCall;
  CreateTopics(argument: _samsa_v1_CreateTopicsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_CreateTopicsResponse__Output>): grpc.ClientUnaryCall;
  CreateTopics(argument: _samsa_v1_CreateTopicsRequest, callback: grpc.requestCallback<_samsa_v1_CreateTopicsResponse__Output>): grpc.ClientUnaryCall;
  createTopics(argument: _samsa_v1_CreateTopicsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_CreateTopicsResponse__Output>): grpc.ClientUnaryCall;
  createTopics(argument: _samsa_v1_CreateTopicsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_CreateTopicsResponse__Output>): grpc.ClientUnaryCall;
  createTopics(argument: _samsa_v1_CreateTopicsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_CreateTopicsResponse__Output>): grpc.ClientUnaryCall;
  createTopics(argument: _samsa_v1_CreateTopicsRequest, callback: grpc.requestCallback<_samsa_v1_CreateTopicsResponse__Output>): grpc.ClientUnaryCall;
  
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
  
  /**
   * Moves leadership to the preferred replica (or elects uncleanly) for offline or
   * misplaced leaders.
   */
  ElectLeaders(argument: _samsa_v1_ElectLeadersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_ElectLeadersResponse__Output>): grpc.ClientUnaryCall;
  ElectLeaders(argument: _samsa_v1_ElectLeadersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_ElectLeadersResponse__Output>): grpc.ClientUnaryCall;
  ElectLeaders(argument: _samsa_v1_ElectLeadersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_ElectLeadersResponse__Output>): grpc.ClientUnaryCall;
  ElectLeaders(argument: _samsa_v1_ElectLeadersRequest, callback: grpc.requestCallback<_samsa_v1_ElectLeadersResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Moves leadership to the preferred replica (or elects uncleanly) for offline or
   * misplaced leaders.
   */
  electLeaders(argument: _samsa_v1_ElectLeadersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_ElectLeadersResponse__Output>): grpc.ClientUnaryCall;
  electLeaders(argument: _samsa_v1_ElectLeadersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_ElectLeadersResponse__Output>): grpc.ClientUnaryCall;
  electLeaders(argument: _samsa_v1_ElectLeadersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_ElectLeadersResponse__Output>): grpc.ClientUnaryCall;
  electLeaders(argument: _samsa_v1_ElectLeadersRequest, callback: grpc.requestCallback<_samsa_v1_ElectLeadersResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * A broker announces itself at start (and after losing its registration). Answers with a new
   * broker epoch; the broker starts fenced and is unfenced by a heartbeat once its metadata has
   * caught up to its registration.
   */
  RegisterBroker(argument: _samsa_v1_RegisterBrokerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_RegisterBrokerResponse__Output>): grpc.ClientUnaryCall;
  RegisterBroker(argument: _samsa_v1_RegisterBrokerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_RegisterBrokerResponse__Output>): grpc.ClientUnaryCall;
  RegisterBroker(argument: _samsa_v1_RegisterBrokerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_RegisterBrokerResponse__Output>): grpc.ClientUnaryCall;
  RegisterBroker(argument: _samsa_v1_RegisterBrokerRequest, callback: grpc.requestCallback<_samsa_v1_RegisterBrokerResponse__Output>): grpc.ClientUnaryCall;
  /**
   * A broker announces itself at start (and after losing its registration). Answers with a new
   * broker epoch; the broker starts fenced and is unfenced by a heartbeat once its metadata has
   * caught up to its registration.
   */
  registerBroker(argument: _samsa_v1_RegisterBrokerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_RegisterBrokerResponse__Output>): grpc.ClientUnaryCall;
  registerBroker(argument: _samsa_v1_RegisterBrokerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_samsa_v1_RegisterBrokerResponse__Output>): grpc.ClientUnaryCall;
  registerBroker(argument: _samsa_v1_RegisterBrokerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_samsa_v1_RegisterBrokerResponse__Output>): grpc.ClientUnaryCall;
  registerBroker(argument: _samsa_v1_RegisterBrokerRequest, callback: grpc.requestCallback<_samsa_v1_RegisterBrokerResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The metadata a broker follows: a snapshot, then every delta in order.
   */
  WatchMetadata(argument: _samsa_v1_WatchMetadataRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_samsa_v1_MetadataUpdate__Output>;
  WatchMetadata(argument: _samsa_v1_WatchMetadataRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_samsa_v1_MetadataUpdate__Output>;
  /**
   * The metadata a broker follows: a snapshot, then every delta in order.
   */
  watchMetadata(argument: _samsa_v1_WatchMetadataRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_samsa_v1_MetadataUpdate__Output>;
  watchMetadata(argument: _samsa_v1_WatchMetadataRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_samsa_v1_MetadataUpdate__Output>;
  
}

/**
 * The controller: one active instance that owns the metadata log. Every call below that
 * changes metadata commits records to that log (fsynced) before it answers.
 */
export interface ControllerServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Incremental topic config changes (Kafka's IncrementalAlterConfigs).
   */
  AlterConfigs: grpc.handleUnaryCall<_samsa_v1_AlterConfigsRequest__Output, _samsa_v1_AlterConfigsResponse>;
  
  /**
   * A partition leader asks to change the ISR of a partition it leads.
   */
  AlterPartition: grpc.handleUnaryCall<_samsa_v1_AlterPartitionRequest__Output, _samsa_v1_AlterPartitionResponse>;
  
  /**
   * Sent every `broker.heartbeat.interval.ms`; a broker silent for
   * `broker.session.timeout.ms` is fenced.
   */
  BrokerHeartbeat: grpc.handleUnaryCall<_samsa_v1_BrokerHeartbeatRequest__Output, _samsa_v1_BrokerHeartbeatResponse>;
  
  /**
   * Adds partitions to existing topics (never removes any).
   */
  CreatePartitions: grpc.handleUnaryCall<_samsa_v1_CreatePartitionsRequest__Output, _samsa_v1_CreatePartitionsResponse>;
  
  CreateTopics: grpc.handleUnaryCall<_samsa_v1_CreateTopicsRequest__Output, _samsa_v1_CreateTopicsResponse>;
  
  DeleteTopics: grpc.handleUnaryCall<_samsa_v1_DeleteTopicsRequest__Output, _samsa_v1_DeleteTopicsResponse>;
  
  DescribeCluster: grpc.handleUnaryCall<_samsa_v1_DescribeClusterRequest__Output, _samsa_v1_DescribeClusterResponse>;
  
  /**
   * Moves leadership to the preferred replica (or elects uncleanly) for offline or
   * misplaced leaders.
   */
  ElectLeaders: grpc.handleUnaryCall<_samsa_v1_ElectLeadersRequest__Output, _samsa_v1_ElectLeadersResponse>;
  
  /**
   * A broker announces itself at start (and after losing its registration). Answers with a new
   * broker epoch; the broker starts fenced and is unfenced by a heartbeat once its metadata has
   * caught up to its registration.
   */
  RegisterBroker: grpc.handleUnaryCall<_samsa_v1_RegisterBrokerRequest__Output, _samsa_v1_RegisterBrokerResponse>;
  
  /**
   * The metadata a broker follows: a snapshot, then every delta in order.
   */
  WatchMetadata: grpc.handleServerStreamingCall<_samsa_v1_WatchMetadataRequest__Output, _samsa_v1_MetadataUpdate>;
  
}

export interface ControllerServiceDefinition extends grpc.ServiceDefinition {
  AlterConfigs: MethodDefinition<_samsa_v1_AlterConfigsRequest, _samsa_v1_AlterConfigsResponse, _samsa_v1_AlterConfigsRequest__Output, _samsa_v1_AlterConfigsResponse__Output>
  AlterPartition: MethodDefinition<_samsa_v1_AlterPartitionRequest, _samsa_v1_AlterPartitionResponse, _samsa_v1_AlterPartitionRequest__Output, _samsa_v1_AlterPartitionResponse__Output>
  BrokerHeartbeat: MethodDefinition<_samsa_v1_BrokerHeartbeatRequest, _samsa_v1_BrokerHeartbeatResponse, _samsa_v1_BrokerHeartbeatRequest__Output, _samsa_v1_BrokerHeartbeatResponse__Output>
  CreatePartitions: MethodDefinition<_samsa_v1_CreatePartitionsRequest, _samsa_v1_CreatePartitionsResponse, _samsa_v1_CreatePartitionsRequest__Output, _samsa_v1_CreatePartitionsResponse__Output>
  CreateTopics: MethodDefinition<_samsa_v1_CreateTopicsRequest, _samsa_v1_CreateTopicsResponse, _samsa_v1_CreateTopicsRequest__Output, _samsa_v1_CreateTopicsResponse__Output>
  DeleteTopics: MethodDefinition<_samsa_v1_DeleteTopicsRequest, _samsa_v1_DeleteTopicsResponse, _samsa_v1_DeleteTopicsRequest__Output, _samsa_v1_DeleteTopicsResponse__Output>
  DescribeCluster: MethodDefinition<_samsa_v1_DescribeClusterRequest, _samsa_v1_DescribeClusterResponse, _samsa_v1_DescribeClusterRequest__Output, _samsa_v1_DescribeClusterResponse__Output>
  ElectLeaders: MethodDefinition<_samsa_v1_ElectLeadersRequest, _samsa_v1_ElectLeadersResponse, _samsa_v1_ElectLeadersRequest__Output, _samsa_v1_ElectLeadersResponse__Output>
  RegisterBroker: MethodDefinition<_samsa_v1_RegisterBrokerRequest, _samsa_v1_RegisterBrokerResponse, _samsa_v1_RegisterBrokerRequest__Output, _samsa_v1_RegisterBrokerResponse__Output>
  WatchMetadata: MethodDefinition<_samsa_v1_WatchMetadataRequest, _samsa_v1_MetadataUpdate, _samsa_v1_WatchMetadataRequest__Output, _samsa_v1_MetadataUpdate__Output>
}
