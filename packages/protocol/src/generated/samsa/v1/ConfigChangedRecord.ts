// Original file: proto/samsa/v1/controller.proto


/**
 * One topic config key set or removed.
 */
export interface ConfigChangedRecord {
  'topic'?: (string);
  'name'?: (string);
  /**
   * The new value; ignored when `deleted`.
   */
  'value'?: (string);
  /**
   * The override was removed: the key takes the default again.
   */
  'deleted'?: (boolean);
}

/**
 * One topic config key set or removed.
 */
export interface ConfigChangedRecord__Output {
  'topic': (string);
  'name': (string);
  /**
   * The new value; ignored when `deleted`.
   */
  'value': (string);
  /**
   * The override was removed: the key takes the default again.
   */
  'deleted': (boolean);
}
