// Original file: proto/samsa/v1/controller.proto

import type { AlterableConfig as _samsa_v1_AlterableConfig, AlterableConfig__Output as _samsa_v1_AlterableConfig__Output } from '../../samsa/v1/AlterableConfig.js';

/**
 * The config changes for one topic.
 */
export interface AlterConfigsResource {
  'topic'?: (string);
  'configs'?: (_samsa_v1_AlterableConfig)[];
}

/**
 * The config changes for one topic.
 */
export interface AlterConfigsResource__Output {
  'topic': (string);
  'configs': (_samsa_v1_AlterableConfig__Output)[];
}
