/**
 * Kafka's error codes, by name. Samsa answers with these numbers and names so that clients and
 * operators who know Kafka read them without a table (see Kafka's `Errors.java`).
 * `retriable` mirrors Kafka's RetriableException marking.
 */
export const ErrorCodes = {
  UNKNOWN_SERVER_ERROR: { code: -1, retriable: false },
  NONE: { code: 0, retriable: false },
  OFFSET_OUT_OF_RANGE: { code: 1, retriable: false },
  CORRUPT_MESSAGE: { code: 2, retriable: true },
  UNKNOWN_TOPIC_OR_PARTITION: { code: 3, retriable: true },
  INVALID_FETCH_SIZE: { code: 4, retriable: false },
  LEADER_NOT_AVAILABLE: { code: 5, retriable: true },
  NOT_LEADER_OR_FOLLOWER: { code: 6, retriable: true },
  REQUEST_TIMED_OUT: { code: 7, retriable: true },
  BROKER_NOT_AVAILABLE: { code: 8, retriable: false },
  REPLICA_NOT_AVAILABLE: { code: 9, retriable: true },
  MESSAGE_TOO_LARGE: { code: 10, retriable: false },
  NETWORK_EXCEPTION: { code: 13, retriable: true },
  COORDINATOR_LOAD_IN_PROGRESS: { code: 14, retriable: true },
  COORDINATOR_NOT_AVAILABLE: { code: 15, retriable: true },
  NOT_COORDINATOR: { code: 16, retriable: true },
  INVALID_TOPIC_EXCEPTION: { code: 17, retriable: false },
  RECORD_LIST_TOO_LARGE: { code: 18, retriable: false },
  NOT_ENOUGH_REPLICAS: { code: 19, retriable: true },
  NOT_ENOUGH_REPLICAS_AFTER_APPEND: { code: 20, retriable: true },
  INVALID_REQUIRED_ACKS: { code: 21, retriable: false },
  ILLEGAL_GENERATION: { code: 22, retriable: false },
  UNKNOWN_MEMBER_ID: { code: 25, retriable: false },
  INVALID_SESSION_TIMEOUT: { code: 26, retriable: false },
  REBALANCE_IN_PROGRESS: { code: 27, retriable: false },
  INVALID_COMMIT_OFFSET_SIZE: { code: 28, retriable: false },
  INVALID_TIMESTAMP: { code: 32, retriable: false },
  UNSUPPORTED_VERSION: { code: 35, retriable: false },
  TOPIC_ALREADY_EXISTS: { code: 36, retriable: false },
  INVALID_PARTITIONS: { code: 37, retriable: false },
  INVALID_REPLICATION_FACTOR: { code: 38, retriable: false },
  INVALID_REPLICA_ASSIGNMENT: { code: 39, retriable: false },
  INVALID_CONFIG: { code: 40, retriable: false },
  NOT_CONTROLLER: { code: 41, retriable: true },
  INVALID_REQUEST: { code: 42, retriable: false },
  POLICY_VIOLATION: { code: 44, retriable: false },
  OUT_OF_ORDER_SEQUENCE_NUMBER: { code: 45, retriable: false },
  NON_EMPTY_GROUP: { code: 68, retriable: false },
  DUPLICATE_SEQUENCE_NUMBER: { code: 46, retriable: false },
  INVALID_PRODUCER_EPOCH: { code: 47, retriable: false },
  KAFKA_STORAGE_ERROR: { code: 56, retriable: true },
  LOG_DIR_NOT_FOUND: { code: 57, retriable: false },
  UNKNOWN_PRODUCER_ID: { code: 59, retriable: false },
  GROUP_ID_NOT_FOUND: { code: 69, retriable: false },
  FENCED_LEADER_EPOCH: { code: 74, retriable: true },
  UNKNOWN_LEADER_EPOCH: { code: 75, retriable: true },
  UNSUPPORTED_COMPRESSION_TYPE: { code: 76, retriable: false },
  STALE_BROKER_EPOCH: { code: 77, retriable: false },
  OFFSET_NOT_AVAILABLE: { code: 78, retriable: true },
  PREFERRED_LEADER_NOT_AVAILABLE: { code: 80, retriable: true },
  ELIGIBLE_LEADERS_NOT_AVAILABLE: { code: 83, retriable: true },
  ELECTION_NOT_NEEDED: { code: 84, retriable: false },
  INVALID_RECORD: { code: 87, retriable: false },
  UNSTABLE_OFFSET_COMMIT: { code: 88, retriable: true },
  INVALID_UPDATE_VERSION: { code: 95, retriable: false },
  DUPLICATE_BROKER_REGISTRATION: { code: 101, retriable: false },
  INCONSISTENT_CLUSTER_ID: { code: 104, retriable: false },
  INELIGIBLE_REPLICA: { code: 107, retriable: true },
  FENCED_MEMBER_EPOCH: { code: 110, retriable: false },
  UNRELEASED_INSTANCE_ID: { code: 111, retriable: false },
  UNSUPPORTED_ASSIGNOR: { code: 112, retriable: false },
  STALE_MEMBER_EPOCH: { code: 113, retriable: false },
  OFFSET_MOVED_TO_TIERED_STORAGE: { code: 109, retriable: false },
} as const

export type ErrorName = keyof typeof ErrorCodes

const namesByCode = new Map<number, ErrorName>(
  Object.entries(ErrorCodes).map(([name, { code }]) => [code, name as ErrorName]),
)

/** The Kafka error name for a numeric code; UNKNOWN_SERVER_ERROR for a code this table lacks. */
export function errorNameOf(code: number): ErrorName {
  return namesByCode.get(code) ?? 'UNKNOWN_SERVER_ERROR'
}
