export type { Hundredths } from './hundredths';
export { formatHundredths, isHundredths, roundToHundredths } from './hundredths';
export type { Rational } from './rational';
export { fromDecimal, roundHalfUp, toFractionString } from './rational';
export type { ParseScoreResult, ScoreErrorCode } from './parse-score';
export { ABSENT_MARK, maxToHundredths, parseScore } from './parse-score';
export type { Component, ComponentIssue, ComponentIssueCode, RawScores, TotalResult } from './components';
export { assertValidComponents, computeTotal, validateComponents } from './components';
export type { InterviewerScore, PanelItem, PanelMethod, PanelResult, PanelSheet } from './panel';
export { aggregatePanel, TRIM_MIN_INTERVIEWERS } from './panel';
export type { Rankable, RankKey } from './rank-key';
export {
  CATEGORY_TIE_BREAK_PREFIX,
  DEFAULT_TIE_BREAKS,
  compareRankKeys,
  competitionRanks,
  makeRankKeyer,
  rankKeyOf,
  sameStanding,
} from './rank-key';
export type { DecidedTie, GroupRankResult, RankCandidate, Ranked, RankResult, Tie } from './ranking';
export { checkManualOrder, groupKeyOf, rankByGroup, rankCandidates, rankKeys, settledTies } from './ranking';
