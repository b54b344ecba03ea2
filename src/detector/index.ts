export { createDetector, tryCreateDetector, DEFAULT_DETECTOR_OPTIONS, type CreateDetectorResult } from './create-detector';
export { checkSender } from './check-sender';
export type { Detector, DetectorOptions, TrustedInput, TrustedListInput } from './types';
