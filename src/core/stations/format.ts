/** File formats exchanged with interviewer laptops (offline stations). Both are JSON, UTF-8. */
export const SESSION_FILE_KIND = 'basedesk.interview-session';
export const BUNDLE_FILE_KIND = 'basedesk.station-bundle';
/** Version of these two file formats. A file with a higher version comes from a newer BaseDesk. */
export const STATION_FORMAT_VERSION = 1;

export type StationKeyJson = { keyId: string; publicKey: string; secretKey: string };

export type SessionFile = {
  kind: typeof SESSION_FILE_KIND;
  formatVersion: number;
  schemaVersion: number;
  coordinatorStationId: string;
  interviewer: string;
  session: {
    id: string;
    name: string;
    date: string;
    site: string;
    cohortYear: number;
    items: Array<{ key: string; name: string; max: number }>;
    aggregation: 'mean' | 'trimmed-mean';
    seed: number;
    panel: Array<{ username: string; head: boolean }>;
  };
  /** Masked: name and draw number only, no ID numbers. */
  candidates: Array<{ id: string; drawNo: number; name: string }>;
  /** The station's signing key, generated and registered by the coordinator for this interviewer. */
  key: StationKeyJson;
};

export type BundlePayload = {
  kind: typeof BUNDLE_FILE_KIND;
  formatVersion: number;
  schemaVersion: number;
  appVersion: string;
  stationId: string;
  sessionId: string;
  interviewer: string;
  createdAt: string;
  headSeq: number;
  /** This station's whole chain, seq 1..headSeq, so the receiver can verify every link. */
  events: Array<Record<string, unknown>>;
};

/** The file: the canonical JSON payload as a string (the exact signed bytes) and its minisign signature. */
export type BundleFile = { kind: typeof BUNDLE_FILE_KIND; payload: string; signature: string };
