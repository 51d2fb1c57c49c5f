export { strategySchema, offerStrategySchema, strategyJsonSchema, parseStrategy, StrategyError, type Strategy, type OfferStrategy } from './strategy.ts';
export { actionValue, actionsOf, instalment, DECLINE, type Action, type ActionValue, type Applicant } from './action-value.ts';
export { candidateMatrix, type CandidateMatrix } from './candidates.ts';
export { portfolioConstraints } from './constraints.ts';
export { solvePortfolio, InfeasibleError, type LinearConstraint, type ConstraintReport, type PortfolioSolution } from './portfolio.ts';
export { chooseOffer, type OfferChoice } from './choose-offer.ts';
export { applicantsFromFrame } from './applicants-from-frame.ts';
export { segmentCutoffs, type SegmentCutoff } from './cutoffs.ts';
export { efficientFrontier, frontierSvg, type FrontierPoint } from './frontier.ts';
