/// 评标报告 — the committee's written report (条例53): the committee, each bid's review with the grounds of every
/// rejection, the scores or evaluated prices, the ranking and the candidates. The text is what every member signs
/// (its SHA-256), so it is generated deterministically from the evaluation and never edited by hand.
public struct EvaluationReport: Sendable, Equatable {
    /// The project's title.
    public var projectTitle: String
    /// The lot's title.
    public var lotTitle: String
    /// `comprehensive` (综合评估法) or `lowest-price` (经评审的最低投标价法).
    public var method: String
    /// Members as (id, name), in signing order.
    public var members: [(id: String, name: String)]
    /// The committee's review of every opened bid.
    public var reviews: [BidReview]
    /// Bidder names by bid id.
    public var bidderNames: [String: String]
    /// Bid prices by bid id.
    public var prices: [String: Money]
    /// Scores per valid bid (综合评估法 only).
    public var scores: [BidScore]
    /// Flags on the score sheets (87§64).
    public var flags: [ScoreFlag]
    /// The ranking of the valid bids.
    public var ranking: EvaluationRanking
    /// The order a random draw gave tied bids (87§68), when one was needed.
    public var tieBreak: [String]?
    /// The candidates (条例53: at most three).
    public var candidates: [TenderCandidate]

    /// Creates an ``EvaluationReport`` from its fields.
    public init(
        projectTitle: String, lotTitle: String, method: String, members: [(id: String, name: String)], reviews: [BidReview],
        bidderNames: [String: String], prices: [String: Money], scores: [BidScore], flags: [ScoreFlag], ranking: EvaluationRanking,
        tieBreak: [String]?, candidates: [TenderCandidate]
    ) {
        self.projectTitle = projectTitle
        self.lotTitle = lotTitle
        self.method = method
        self.members = members
        self.reviews = reviews
        self.bidderNames = bidderNames
        self.prices = prices
        self.scores = scores
        self.flags = flags
        self.ranking = ranking
        self.tieBreak = tieBreak
        self.candidates = candidates
    }

    /// Two reports are equal when their texts are.
    public static func == (lhs: EvaluationReport, rhs: EvaluationReport) -> Bool {
        lhs.text == rhs.text
    }

    /// The report's text (Chinese, one fact a line), ending with a newline.
    public var text: String {
        var lines = ["评标报告", "项目：\(self.projectTitle)", "标段：\(self.lotTitle)"]
        lines.append("评标办法：\(self.method == "comprehensive" ? "综合评估法" : "经评审的最低投标价法")")
        lines.append("评标委员会：" + self.members.map { "\($0.name)（\($0.id)）" }.joined(separator: "、"))
        lines.append("一、资格审查和符合性审查")
        for review in self.reviews {
            let name = self.bidderNames[review.bidID] ?? review.bidID
            let price = self.prices[review.bidID].map { "，报价\($0.yuanText)元" } ?? ""
            if review.isValid {
                lines.append("\(review.bidID) \(name)\(price)：通过")
            } else {
                lines.append("\(review.bidID) \(name)\(price)：否决投标 — " + review.reasons.map { "\($0.zh)（\($0.article)）" }.joined(separator: "；"))
            }
        }
        lines.append("二、详细评审")
        if self.method == "comprehensive" {
            for score in self.scores {
                lines.append("\(score.bidID)：价格分\(score.priceScore)，其他评分\(score.expertScore)，总分\(score.total)")
            }
            for flag in self.flags {
                switch flag {
                case .objectiveDisagreement(let bid, let criterion):
                    lines.append("提示：\(bid)的客观评审因素“\(criterion)”评分不一致（87§64）")
                case .outlier(let bid, let criterion, let expert, let score):
                    lines.append("提示：\(expert)对\(bid)“\(criterion)”的评分\(score)畸高或畸低（87§64）")
                }
            }
        } else {
            for entry in self.ranking.entries {
                lines.append("\(entry.bidID)：评审价格\(entry.evaluatedPrice?.description ?? entry.price.yuanText)元")
            }
        }
        if let tieBreak = self.tieBreak {
            lines.append("得分且报价相同的投标按随机抽取排序（87§68）：" + tieBreak.joined(separator: " > "))
        }
        lines.append("三、排序和中标候选人（条例53）")
        for candidate in self.candidates {
            let name = self.bidderNames[candidate.bidID] ?? candidate.bidID
            lines.append("第\(candidate.rank)名：\(candidate.bidID) \(name)，报价\(candidate.price.yuanText)元")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
