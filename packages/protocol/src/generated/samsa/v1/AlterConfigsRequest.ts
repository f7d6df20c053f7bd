// Original file: proto/samsa/v1/controller.proto

import type { AlterConfigsResource as _samsa_v1_AlterConfigsResource, AlterConfigsResource__Output as _samsa_v1_AlterConfigsResource__Output } from '../../samsa/v1/AlterConfigsResource.js';

export interface AlterConfigsRequest {
  'resources'?: (_samsa_v1_AlterConfigsResource)[];
  'validateOnly'?: (boolean);
}

export interface AlterConfigsRequest__Output {
  'resources': (_samsa_v1_AlterConfigsResource__Output)[];
  'validateOnly': (boolean);
}
