import Foundation

/// The fixed inputs of one lot's opening, set when the session is created from the tender notice and the catalog.
public struct OpeningPlan: Sendable, Codable, Equatable {
    /// The lot being opened.
    public var lotID: String
    /// 投标截止时间: the bid set freezes and the opening starts at this instant (法34).
    public var bidDeadline: Date
    /// The custodian panel (n members), in the order of the tender notice.
    public var custodians: [OpeningCustodian]
    /// The threshold k: any k released shares open a bid; 1 ≤ k ≤ n.
    public var threshold: Int
    /// Minimum number of bids for an opening, from the catalog (`ProcedureRules.minBidders`; 法28: 3).
    public var minimumBids: Int
    /// How long after the deadline the custodians have to release their shares (seconds; e.g. 3600).
    /// Not a statutory number: a parameter of the tender, announced with the notice.
    public var shareReleaseWindow: TimeInterval
    /// The account that runs the opening (主持人) for the tenderer or agency: answers objections, signs the record.
    public var runner: String
    /// The supervisor who may co-sign the record, when one attends.
    public var supervisor: String?

    /// Describes one opening.
    public init(
        lotID: String, bidDeadline: Date, custodians: [OpeningCustodian], threshold: Int, minimumBids: Int = 3,
        shareReleaseWindow: TimeInterval = 3600, runner: String, supervisor: String? = nil
    ) {
        self.lotID = lotID
        self.bidDeadline = bidDeadline
        self.custodians = custodians
        self.threshold = threshold
        self.minimumBids = minimumBids
        self.shareReleaseWindow = shareReleaseWindow
        self.runner = runner
        self.supervisor = supervisor
    }

    /// The instant by which k custodians must have released their shares, before any postponement.
    public var shareReleaseLimit: Date {
        self.bidDeadline.addingTimeInterval(self.shareReleaseWindow)
    }

    /// The panel member with this id, if any.
    public func custodian(_ id: String) -> OpeningCustodian? {
        self.custodians.first { $0.id == id }
    }

    /// Checks that the plan makes sense: ids present, k of n with distinct custodians, a positive window.
    public func validate() throws(TradingError) {
        guard !self.lotID.isEmpty, !self.runner.isEmpty else {
            throw .invalid("opening-plan-ids", zh: "开标计划缺少标段或主持人", en: "The opening plan needs a lot and a runner")
        }
        let ids = self.custodians.map(\.id)
        guard !ids.isEmpty, !ids.contains(""), Set(ids).count == ids.count else {
            throw .invalid(
                "opening-plan-custodians", zh: "开标密钥保管人不能为空且不能重复",
                en: "The custodian panel must be non-empty and name each custodian once"
            )
        }
        guard self.threshold >= 1, self.threshold <= self.custodians.count else {
            throw .invalid(
                "opening-plan-threshold", zh: "开标门限须在1至\(self.custodians.count)之间（实为\(self.threshold)）",
                en: "The threshold must be between 1 and \(self.custodians.count) (it is \(self.threshold))"
            )
        }
        guard self.minimumBids >= 1 else {
            throw .invalid("opening-plan-minimum", zh: "最少投标人数须至少为1", en: "The minimum number of bids must be at least 1")
        }
        guard self.shareReleaseWindow > 0, self.shareReleaseWindow.isFinite else {
            throw .invalid(
                "opening-plan-window", zh: "密钥份额释放时限须大于0", en: "The share-release window must be longer than zero"
            )
        }
        if let supervisor = self.supervisor {
            guard !supervisor.isEmpty, supervisor != self.runner else {
                throw .invalid(
                    "opening-plan-supervisor", zh: "监督人不能为空且不能与主持人为同一人",
                    en: "The supervisor must be named and must not be the runner"
                )
            }
        }
    }
}
