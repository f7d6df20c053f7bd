// Original file: proto/samsa/v1/controller.proto

export const ConfigOperation = {
  /**
   * Set the key to `value`.
   */
  CONFIG_OPERATION_SET: 'CONFIG_OPERATION_SET',
  /**
   * Remove the override: the key takes the default again.
   */
  CONFIG_OPERATION_DELETE: 'CONFIG_OPERATION_DELETE',
} as const;

export type ConfigOperation =
  /**
   * Set the key to `value`.
   */
  | 'CONFIG_OPERATION_SET'
  | 0
  /**
   * Remove the override: the key takes the default again.
   */
  | 'CONFIG_OPERATION_DELETE'
  | 1

export type ConfigOperation__Output = typeof ConfigOperation[keyof typeof ConfigOperation]
