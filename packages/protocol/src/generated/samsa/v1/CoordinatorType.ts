// Original file: proto/samsa/v1/broker.proto

export const CoordinatorType = {
  COORDINATOR_TYPE_GROUP: 'COORDINATOR_TYPE_GROUP',
  COORDINATOR_TYPE_TRANSACTION: 'COORDINATOR_TYPE_TRANSACTION',
} as const;

export type CoordinatorType =
  | 'COORDINATOR_TYPE_GROUP'
  | 0
  | 'COORDINATOR_TYPE_TRANSACTION'
  | 1

export type CoordinatorType__Output = typeof CoordinatorType[keyof typeof CoordinatorType]
