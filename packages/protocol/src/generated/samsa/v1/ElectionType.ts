// Original file: proto/samsa/v1/controller.proto

export const ElectionType = {
  /**
   * Move leadership to the first replica in assignment order when it is in the ISR and
   * unfenced.
   */
  ELECTION_TYPE_PREFERRED: 'ELECTION_TYPE_PREFERRED',
  /**
   * Elect offline partitions from any live replica, even outside the ISR (may lose data).
   */
  ELECTION_TYPE_UNCLEAN: 'ELECTION_TYPE_UNCLEAN',
} as const;

export type ElectionType =
  /**
   * Move leadership to the first replica in assignment order when it is in the ISR and
   * unfenced.
   */
  | 'ELECTION_TYPE_PREFERRED'
  | 0
  /**
   * Elect offline partitions from any live replica, even outside the ISR (may lose data).
   */
  | 'ELECTION_TYPE_UNCLEAN'
  | 1

export type ElectionType__Output = typeof ElectionType[keyof typeof ElectionType]
