import { zenbuB2BScorecard } from './zenbu-b2b-scorecard';
import { zenbuB2CScorecard } from './zenbu-b2c-scorecard';

/** The default segment selection: B2C customers get the B2C card, everyone else the B2B card. */
export const defaultScorecards = [
  { when: { fact: 'segment', op: 'eq', value: 'b2c' }, scorecard: zenbuB2CScorecard },
  { scorecard: zenbuB2BScorecard },
] as const;
