// Original file: proto/samsa/v1/controller.proto

import type { CreatableTopic as _samsa_v1_CreatableTopic, CreatableTopic__Output as _samsa_v1_CreatableTopic__Output } from '../../samsa/v1/CreatableTopic.js';

export interface CreateTopicsRequest {
  'topics'?: (_samsa_v1_CreatableTopic)[];
  /**
   * Check everything and report what would happen, but create nothing.
   */
  'validateOnly'?: (boolean);
}

export interface CreateTopicsRequest__Output {
  'topics': (_samsa_v1_CreatableTopic__Output)[];
  /**
   * Check everything and report what would happen, but create nothing.
   */
  'validateOnly': (boolean);
}
