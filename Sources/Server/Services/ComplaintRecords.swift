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
        /// The duty (CaseDuty).
        public var duty: String
        /// The duty in Chinese.
        public var dutyZh: String
        /// When it is due (RFC 3339).
        public var due: String
        /// The article that sets it.
        public var article: String
    }

    /// The identifier.
    public var id: String
    /// The project.
    public var projectId: String
    /// The lot.
    public var lotId: String
    /// The kind (raw value).
    public var kind: String
    /// The kind in Chinese.
    public var kindZh: String
    /// What the case is about (ComplaintMatter).
    public var matter: String
    /// Where the case stands (ComplaintPhase).
    public var phase: String
    /// The phase in Chinese.
    public var phaseZh: String
    /// The filer's request.
    public var request: String
    /// When it was filed (RFC 3339).
    public var filedAt: String
    /// The filing window's end and its article (RULES.md).
    public var windowClosesAt: String
    public var windowArticle: String
    /// Why the case is not admissible, once rejected.
    public var rejectionZh: String?
    public var rejectionEn: String?
    /// The answer's or decision's outcome, once given.
    public var outcome: String?
    /// The answer's or decision's reasoning.
    public var reasoning: String?
    /// The step the case holds back while pending (ProcedureHold), if any.
    public var holdsFrom: String?
    public var holdArticle: String?
    /// Duties still pending with their statutory deadlines.
    public var deadlines: [Deadline]
    /// The complaint this case was escalated to.
    public var escalatedTo: String?
    /// The objection or challenge this case follows.
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
