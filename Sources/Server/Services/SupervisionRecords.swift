import Foundation
import Storage

/// 围标串标预警 — one red flag the screens raised on a lot (at the opening or at the result), as stored, with the
/// regulator's decision once made.
struct AlertRow: Sendable, Codable, Equatable {
    var id: String
    var projectId: String
    var lotId: String
    /// `opening` or `result`.
    var stage: String
    /// The screening flag code (`identical_prices`, `tiaoli40_same_machine`, …).
    var code: String
    /// `low`, `medium` or `high`.
    var severity: String
    var explanationZh: String
    var explanationEn: String
    /// Party ids, comma-separated.
    var bidders: String
    /// The measured value, as text.
    var value: String?
    /// The lot's score when raised, in thousandths.
    var scoreMilli: Int64
    /// `open`, `confirmed` or `dismissed`.
    var status: String
    var createdAt: Int64
    var logIndex: Int64
    var decidedBy: String?
    var decidedAt: Int64?
    var note: String?
    var decisionLogIndex: Int64?
}

/// 预警 — an alert as the regulator's inbox shows it.
public struct SupervisionAlert: Sendable, Codable, Equatable {
    /// The identifier.
    public var id: String
    /// The project.
    public var projectId: String
    /// The project's title.
    public var projectTitle: String?
    /// The lot.
    public var lotId: String
    /// `opening` or `result`: when the screens raised it.
    public var stage: String
    /// The screening flag code (e.g. `identical_prices`).
    public var code: String
    /// `low`, `medium` or `high`.
    public var severity: String
    /// What was seen and the rule, in Chinese.
    public var explanationZh: String
    /// What was seen and the rule, in English.
    public var explanationEn: String
    /// The bidders involved by name (party id when unknown).
    public var bidders: [String]
    /// The measured value behind the flag, as text.
    public var value: String?
    /// The lot's score in [0, 1] when raised.
    public var score: Double
    /// `open`, `confirmed` or `dismissed`.
    public var status: String
    /// When it was made (RFC 3339).
    public var createdAt: String
    /// The deciding account.
    public var decidedBy: String?
    /// When it was decided (RFC 3339).
    public var decidedAt: String?
    /// The regulator's note.
    public var note: String?

    init(_ row: AlertRow, projectTitle: String?, names: [String: String]) {
        self.id = row.id
        self.projectId = row.projectId
        self.projectTitle = projectTitle
        self.lotId = row.lotId
        self.stage = row.stage
        self.code = row.code
        self.severity = row.severity
        self.explanationZh = row.explanationZh
        self.explanationEn = row.explanationEn
        self.bidders = row.bidders.split(separator: ",").map { names[String($0)] ?? String($0) }
        self.value = row.value
        self.score = Double(row.scoreMilli) / 1000
        self.status = row.status
        self.createdAt = Timestamps.rfc3339(Timestamps.date(row.createdAt))
        self.decidedBy = row.decidedBy
        self.decidedAt = row.decidedAt.map { Timestamps.rfc3339(Timestamps.date($0)) }
        self.note = row.note
    }
}
