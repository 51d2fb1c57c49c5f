import type { ReviewVerdict } from '../flow/index.ts';
import { claimReview, getDecision, getReview, listReviews, type Actor, type Database, type DecisionRecord, type ReviewRecord } from '../store/index.ts';
import type { DecisionService, OpenedDecision } from './decision-service.ts';

/** The review queue: cases a flow or an applicant's contest put before a person. */
export class ReviewService {
  constructor(
    private readonly db: Database,
    private readonly decisions: DecisionService,
  ) {}

  /** Oldest first, notes opened. */
  async list(q: { status?: 'pending' | 'decided'; queue?: string; limit: number }): Promise<ReviewRecord[]> {
    return Promise.all((await listReviews(this.db, q)).map((r) => this.decisions.openReview(r)));
  }

  /** A case with the decision it holds up, its personal data masked. */
  async get(reviewId: string): Promise<{ review: ReviewRecord; decision: DecisionRecord; opened: OpenedDecision }> {
    const review = await getReview(this.db, reviewId);
    const d = await getDecision(this.db, review.decisionId);
    return { review: await this.decisions.openReview(review, d), decision: this.decisions.withNotesOpened(d), opened: await this.decisions.masked(d) };
  }

  /** Takes a case: nobody else may decide it while the claim runs; taking it again renews the claim. */
  claim(reviewId: string, by: Actor): Promise<ReviewRecord> {
    return claimReview(this.db, reviewId, by, this.decisions.claimTerms());
  }

  /** Gives the verdict; the decision resumes after the review node (or, for a contest, stands or is overridden). */
  async decide(
    reviewId: string,
    verdict: ReviewVerdict['verdict'],
    note: string,
    by: Actor,
  ): Promise<{ review: ReviewRecord; decision: DecisionRecord; opened: OpenedDecision }> {
    const { review, decision } = await this.decisions.review(reviewId, verdict, note, by);
    return { review, decision: this.decisions.withNotesOpened(decision), opened: await this.decisions.masked(decision) };
  }
}
