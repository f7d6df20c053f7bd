// Original file: proto/samsa/v1/broker.proto


export interface ListGroupsRequest {
  /**
   * Only groups in these states ("Empty", "Assigning", "Reconciling", "Stable", "Dead");
   * empty means all.
   */
  'statesFilter'?: (string)[];
  /**
   * Only groups of these types ("consumer", "classic"); empty means all.
   */
  'typesFilter'?: (string)[];
}

export interface ListGroupsRequest__Output {
  /**
   * Only groups in these states ("Empty", "Assigning", "Reconciling", "Stable", "Dead");
   * empty means all.
   */
  'statesFilter': (string)[];
  /**
   * Only groups of these types ("consumer", "classic"); empty means all.
   */
  'typesFilter': (string)[];
}
