/// 评审表决 — one committee member's vote in the qualification and compliance review of one bid. The committee
/// decides each stage by simple majority of its members (法37 committee; the report records every vote, 条例53).
public struct ReviewVote: Sendable, Codable, Equatable {
    /// The bid.
    public var bidID: String
    /// Whether the member finds the bidder qualified (资格审查).
    public var qualification: Bool
    /// Whether the member finds the bid compliant (符合性审查).
    public var compliance: Bool
    /// Whether the member accepts the bidder's small or micro enterprise declaration (财库〔2020〕46号).
    public var smallOrMicro: Bool
    /// The member's grounds for a rejection (at least one when either stage fails).
    public var reasons: [RejectionReason]

    /// Creates a ``ReviewVote`` from its fields.
    public init(bidID: String, qualification: Bool, compliance: Bool, smallOrMicro: Bool = false, reasons: [RejectionReason] = []) {
        self.bidID = bidID
        self.qualification = qualification
        self.compliance = compliance
        self.smallOrMicro = smallOrMicro
        self.reasons = reasons
    }

    /// A rejection without a ground is refused (条例51 lists the grounds; the report states them).
    public func validate() throws(TradingError) {
        if !(self.qualification && self.compliance) && self.reasons.isEmpty {
            throw .invalid("rejection-reason", zh: "否决投标\(self.bidID)须说明否决情形", en: "Rejecting bid \(self.bidID) needs at least one ground", article: "条例51")
        }
    }
}

/// 评审结论 — the committee's decision per bid from its members' votes.
public enum ReviewMajority {
    /// The committee's review of each bid in `bidIDs`: a stage fails when more than half of the members vote it
    /// down, with the grounds those members cited (first cited first, each once); SME status holds when more than
    /// half accept the declaration. Every member must have voted on every bid.
    public static func decide(bidIDs: [String], votes: [String: [ReviewVote]]) throws(TradingError) -> [(review: BidReview, smallOrMicro: Bool)] {
        guard !votes.isEmpty else {
            throw .conflict("review-incomplete", zh: "评标委员会成员尚未完成资格审查和符合性审查", en: "No member has reviewed the bids yet")
        }
        var decided: [(review: BidReview, smallOrMicro: Bool)] = []
        for bidID in bidIDs {
            var cast: [ReviewVote] = []
            for member in votes.keys.sorted() {
                guard let vote = votes[member]?.first(where: { $0.bidID == bidID }) else {
                    throw .conflict("review-incomplete", zh: "成员\(member)尚未审查投标\(bidID)", en: "Member \(member) has not reviewed bid \(bidID)")
                }
                cast.append(vote)
            }
            let half = cast.count
            let qualification = Self.stage(cast, passed: \.qualification, majorityOf: half)
            let compliance = Self.stage(cast, passed: \.compliance, majorityOf: half)
            let sme = cast.filter(\.smallOrMicro).count * 2 > half
            decided.append((BidReview(bidID: bidID, qualification: qualification, compliance: compliance), sme))
        }
        return decided
    }

    static func stage(_ cast: [ReviewVote], passed: KeyPath<ReviewVote, Bool>, majorityOf count: Int) -> ReviewOutcome {
        let against = cast.filter { !$0[keyPath: passed] }
        guard against.count * 2 > count else { return .passed }
        var reasons: [RejectionReason] = []
        for reason in against.flatMap(\.reasons) where !reasons.contains(reason) { reasons.append(reason) }
        return .rejected(reasons)
    }
}
