// Original file: proto/samsa/v1/controller.proto


export interface TopicCreatedRecord {
  'name'?: (string);
  'topicId'?: (string);
  'configs'?: ({[key: string]: string});
}

export interface TopicCreatedRecord__Output {
  'name': (string);
  'topicId': (string);
  'configs': ({[key: string]: string});
}
