// Original file: proto/samsa/v1/controller.proto

import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';
import type { ElectionResult as _samsa_v1_ElectionResult, ElectionResult__Output as _samsa_v1_ElectionResult__Output } from '../../samsa/v1/ElectionResult.js';

export interface ElectLeadersResponse {
  'error'?: (_samsa_v1_ErrorInfo | null);
  'results'?: (_samsa_v1_ElectionResult)[];
}

export interface ElectLeadersResponse__Output {
  'error': (_samsa_v1_ErrorInfo__Output | null);
  'results': (_samsa_v1_ElectionResult__Output)[];
}
