import type * as grpc from '@grpc/grpc-js'

/**
 * Largest gRPC message either side sends or accepts: 64 MiB. grpc-js defaults to 4 MiB for
 * received messages, smaller than a Fetch response carrying `max.partition.fetch.bytes` for
 * many partitions or a Produce of large batches, so both servers and clients raise it.
 */
export const MAX_GRPC_MESSAGE_BYTES = 64 * 1024 * 1024

const messageLimits = {
  'grpc.max_receive_message_length': MAX_GRPC_MESSAGE_BYTES,
  'grpc.max_send_message_length': MAX_GRPC_MESSAGE_BYTES,
} satisfies grpc.ChannelOptions

/**
 * Options for every Samsa gRPC server. Keepalive pings (every 30 s, 10 s to answer) let a
 * server notice a dead peer holding a long-lived stream (WatchMetadata, long-poll Fetch).
 */
export const SERVER_CHANNEL_OPTIONS: grpc.ChannelOptions = {
  ...messageLimits,
  'grpc.keepalive_time_ms': 30_000,
  'grpc.keepalive_timeout_ms': 10_000,
}

/**
 * Options for every Samsa gRPC client. Keepalive pings every 10 s (5 s to answer), also while
 * idle, so a client notices a controller or broker that vanished without closing its sockets
 * (kill -9, SIGSTOP, a cut network); reconnects back off from 100 ms to 2 s so a restarted
 * controller is found again quickly.
 */
export const CLIENT_CHANNEL_OPTIONS: grpc.ChannelOptions = {
  ...messageLimits,
  'grpc.keepalive_time_ms': 10_000,
  'grpc.keepalive_timeout_ms': 5_000,
  'grpc.keepalive_permit_without_calls': 1,
  'grpc.initial_reconnect_backoff_ms': 100,
  'grpc.max_reconnect_backoff_ms': 2_000,
}
