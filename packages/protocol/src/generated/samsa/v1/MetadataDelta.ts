// Original file: proto/samsa/v1/controller.proto

import type { MetadataRecord as _samsa_v1_MetadataRecord, MetadataRecord__Output as _samsa_v1_MetadataRecord__Output } from '../../samsa/v1/MetadataRecord.js';

export interface MetadataDelta {
  /**
   * Consecutive records; the last one has version MetadataUpdate.version.
   */
  'records'?: (_samsa_v1_MetadataRecord)[];
}

export interface MetadataDelta__Output {
  /**
   * Consecutive records; the last one has version MetadataUpdate.version.
   */
  'records': (_samsa_v1_MetadataRecord__Output)[];
}
