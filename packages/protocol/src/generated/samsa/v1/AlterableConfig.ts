// Original file: proto/samsa/v1/controller.proto

import type { ConfigOperation as _samsa_v1_ConfigOperation, ConfigOperation__Output as _samsa_v1_ConfigOperation__Output } from '../../samsa/v1/ConfigOperation.js';

export interface AlterableConfig {
  'name'?: (string);
  'operation'?: (_samsa_v1_ConfigOperation);
  /**
   * Ignored for DELETE.
   */
  'value'?: (string);
}

export interface AlterableConfig__Output {
  'name': (string);
  'operation': (_samsa_v1_ConfigOperation__Output);
  /**
   * Ignored for DELETE.
   */
  'value': (string);
}
