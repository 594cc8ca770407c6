import Foundation
import Storage
import TradingCore

/// 异议/质疑/投诉 — one case as stored: the pure ``ComplaintCase`` as JSON plus the columns queries need.
struct ComplaintRow: Sendable, Codable, Equatable {
    var id: String
    var projectId: String
    var lotId: String
    var kind: String
    var filerPartyId: String?
    var filerAccountId: String
    var phase: String
    var state: String
    var filedAt: Int64
    var updatedAt: Int64
    var logIndex: Int64

    func decoded() throws -> ComplaintCase {
        try JSONDecoder().decode(ComplaintCase.self, from: Data(self.state.utf8))
    }

    static func encode(_ state: ComplaintCase) throws -> String {
        String(decoding: try JSONEncoder().encode(state), as: UTF8.self)
    }
}

/// A case as the API and the pages show it.
public struct ComplaintView: Sendable, Codable, Equatable {
    public struct Deadline: Sendable, Codable, Equatable {
        public var duty: String
        public var dutyZh: String
        public var due: String
        public var article: String
    }

    public var id: String
    public var projectId: String
    public var lotId: String
    public var kind: String
    public var kindZh: String
    public var matter: String
    public var phase: String
    public var phaseZh: String
    public var request: String
    public var filedAt: String
    /// The filing window's end and its article (RULES.md).
    public var windowClosesAt: String
    public var windowArticle: String
    /// Why the case is not admissible, once rejected.
    public var rejectionZh: String?
    public var rejectionEn: String?
    public var outcome: String?
    public var reasoning: String?
    /// The step the case holds back while pending (ProcedureHold), if any.
    public var holdsFrom: String?
    public var holdArticle: String?
    public var deadlines: [Deadline]
    public var escalatedTo: String?
    public var precedingCaseId: String?

    init(_ row: ComplaintRow) throws {
        let state = try row.decoded()
        self.id = row.id
        self.projectId = row.projectId
        self.lotId = row.lotId
        self.kind = state.kind.rawValue
        self.kindZh = state.kind.nameZh
        self.matter = state.matter.rawValue
        self.phase = state.phase.rawValue
        self.phaseZh = state.phase.nameZh
        self.request = state.filing.request
        self.filedAt = Timestamps.rfc3339(state.filedAt)
        self.windowClosesAt = Timestamps.rfc3339(state.window.closesAt)
        self.windowArticle = state.window.article
        self.rejectionZh = state.inadmissibility?.zh
        self.rejectionEn = state.inadmissibility?.en
        self.outcome = state.resolution?.outcome.rawValue
        self.reasoning = state.resolution?.reasoning
        self.holdsFrom = state.hold?.from.rawValue
        self.holdArticle = state.hold?.article
        self.deadlines = state.pendingDeadlines.map {
            Deadline(duty: $0.duty.rawValue, dutyZh: $0.duty.nameZh, due: Timestamps.rfc3339($0.due), article: $0.article)
        }
        self.escalatedTo = state.escalatedTo
        self.precedingCaseId = state.precedingCaseID
    }
}
